import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createLogger, migrate, newId, systemClock } from "@pitboss/db";
import { provisionDatabase } from "@pitboss/db/provision";
import type { ServiceDeps } from "../src/deps";
import { debitStake } from "../src/domains/wallet/debit-stake";
import type { CpuSplit } from "./cpu-split";
import { createFundedPlayer } from "./fixtures";
import { runGameMath } from "./games";
import { type LoadResult, runLoad, startFromCheckpoint } from "./measure";
import { runWalletHttpPhase } from "./wallet-http";

/**
 * `npm run bench`: the PostgreSQL ceiling (../shared/bench/ceiling.sh, pgbench) first, then the platform on
 * the same server in the same run, each figure reported as a ratio of the ceiling. Machines here are noisy;
 * ratios hold where absolute numbers do not. Results go to docs/benchmarks.md.
 *
 * BENCH_SECONDS (default 20) per phase, BENCH_CLIENTS (32), BENCH_LEDGER_ROWS (10^7) for the large-ledger
 * phase, BENCH_DRAWS (10^6) for the chi-square checks, BENCH_SLOT_SPINS (10^7) for the slot simulation. The money phases measure the service layer (zod, idempotency hash, one
 * database function call per bet through the shared pg pool); the studio-wallet phase drives signed bets through our
 * own protocol's real HTTP endpoint (`next start` of apps/web) and through its handler in-process (wallet-http.ts).
 * BENCH_ONLY=wallet runs the ceiling and that phase alone; NEXT_DIST_DIR builds and serves apps/web from its own folder.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const clients = Number(process.env.BENCH_CLIENTS ?? 32);
const largeLedgerRows = Number(process.env.BENCH_LEDGER_ROWS ?? 10_000_000);
const log = (line: string) => console.log(`bench: ${line}`);

const ceilingScript = [process.env.BENCH_CEILING_SCRIPT, path.join(root, "../shared/bench/ceiling.sh")].find(
  (p) => p && existsSync(p),
);

type Ceiling = { bet: LoadResult; bet_hot_wallet: LoadResult; settle: LoadResult };

const draws = Number(process.env.BENCH_DRAWS ?? 1_000_000);
const slotSpins = Number(process.env.BENCH_SLOT_SPINS ?? 10_000_000);

/** BENCH_ONLY=wallet: the ceiling and the studio-wallet phase only, printed (docs/benchmarks.md is left as it is). */
const only = process.env.BENCH_ONLY;

/** The CPU a studio bet through the gateway costs each process, when the platform can tell (Linux). */
const cpuRow = (split: CpuSplit | undefined) =>
  split
    ? [
        `| CPU ms per studio bet, gateway: PostgreSQL / gateway / load client | ${split.postgres_ms} / ${split.server_ms} / ${split.client_ms} | | | |`,
      ]
    : [];

const main = async () => {
  if (only && only !== "wallet") throw new Error(`BENCH_ONLY=${only}: only "wallet" is known`);
  const games = only ? null : runGameMath(draws, slotSpins);
  if (games) log(`game math: ${JSON.stringify(games)} (${draws} draws, ${slotSpins} spins)`);
  if (!ceilingScript) throw new Error("../shared/bench/ceiling.sh not found (set BENCH_CEILING_SCRIPT)");
  const database = await provisionDatabase("fresh", process.env.DATABASE_URL, { isDurable: true });
  const db = createDb({ url: database.url, maxConnections: clients + 2, applicationName: "pitboss-bench" });
  const deps: ServiceDeps = { db, now: systemClock, newId, logger: createLogger({ level: "silent" }) };
  try {
    await migrate(database.url);
    log(`ceiling: pgbench, ${clients} clients, ${seconds}s per script (${database.source})`);
    const ceiling = JSON.parse(
      execFileSync("bash", [ceilingScript, database.url, String(clients), String(seconds)], { encoding: "utf8" }),
    ) as Ceiling;
    log(`ceiling ${JSON.stringify(ceiling)}`);
    if (only === "wallet") {
      const wallet = await runWalletHttpPhase(root, database.url, deps, clients, seconds, log);
      const summary = {
        ceilingTps: ceiling.bet.tps,
        ceilingP99Ms: ceiling.bet.p99_ms,
        http: { tps: wallet.http.tps, ratio: ratio(wallet.http.tps, ceiling.bet.tps), p99_ms: wallet.http.p99_ms },
        gateway: {
          tps: wallet.gateway.tps,
          ratio: ratio(wallet.gateway.tps, ceiling.bet.tps),
          p99_ms: wallet.gateway.p99_ms,
        },
        inProcess: {
          tps: wallet.inProcess.tps,
          ratio: ratio(wallet.inProcess.tps, ceiling.bet.tps),
          p99_ms: wallet.inProcess.p99_ms,
        },
      };
      log(`studio wallet against the ceiling: ${JSON.stringify({ ceiling, wallet, summary })}`);
      return;
    }

    const players = await Promise.all(Array.from({ length: clients }, () => createFundedPlayer(deps)));
    const bet = (playerId: string) => () =>
      debitStake(deps, {
        playerId,
        currency: "EUR",
        amountMinor: 100n,
        houseScope: "bench",
        idempotencyKey: randomUUID(),
      });

    log("platform: concurrent players");
    await startFromCheckpoint(db);
    const spread = await runLoad(clients, seconds, (c) => bet(players[c] as string)());
    log(JSON.stringify(spread));
    log("platform: one hot wallet");
    const hotPlayer = players[0] as string;
    await startFromCheckpoint(db);
    const hot = await runLoad(clients, seconds, () => bet(hotPlayer)());
    log(JSON.stringify(hot));
    log("platform: studio bets through our wallet protocol");
    const wallet = await runWalletHttpPhase(root, database.url, deps, clients, seconds, log);

    // Ledger size: p95 of a bet with ~10^5 rows, then after bulk-loading to the large size. The bulk load
    // bypasses triggers (session_replication_role) to be quick; the rows it adds are balanced and realistic.
    const countRows = async () =>
      Number((await db.pool.query<{ n: string }>("SELECT count(*)::text AS n FROM posting")).rows[0]?.n);
    const sizePhase = async () =>
      startFromCheckpoint(db).then(() =>
        runLoad(clients, Math.max(5, seconds / 2), (c) => bet(players[c] as string)()),
      );
    await bulkLoad(database.url, 100_000 - (await countRows()));
    const small = { rows: await countRows(), ...(await sizePhase()) };
    log(`ledger ${small.rows} rows: ${JSON.stringify(small)}`);
    await bulkLoad(database.url, largeLedgerRows - (await countRows()));
    const large = { rows: await countRows(), ...(await sizePhase()) };
    log(`ledger ${large.rows} rows: ${JSON.stringify(large)}`);

    if (games) await writeReport({ ceiling, spread, hot, small, large, games, wallet, source: database.source });
  } finally {
    await db.close();
    await database.release();
  }
};

/** Adds `postings` balanced postings (pairs) on the house accounts' side of many synthetic bets. */
const bulkLoad = async (url: string, postings: number) => {
  if (postings <= 0) return;
  const pairs = Math.ceil(postings / 2);
  log(`bulk-loading ${pairs * 2} postings`);
  const sql = `
    SET session_replication_role = replica;
    INSERT INTO player (id, email, display_name, password_hash, country, date_of_birth, currency)
      VALUES ('ply_bulk', 'bulk@bench.pitboss.dev', 'Bulk', 'x', 'DE', '1990-01-01', 'EUR') ON CONFLICT DO NOTHING;
    INSERT INTO account (id, owner, player_id, type, currency, scope, balance_minor)
      VALUES ('acc_bulk_cash', 'PLAYER', 'ply_bulk', 'CASH', 'EUR', '', 0), ('acc_bulk_house', 'HOUSE', NULL, 'GAME_REVENUE', 'EUR', 'bulk', NULL)
      ON CONFLICT DO NOTHING;
    INSERT INTO ledger_txn (id, kind, player_id, currency, idempotency_scope, idempotency_key, request_hash, created_at)
      SELECT 'txn_bulk_' || g || '_' || s, 'BET', 'ply_bulk', 'EUR', 'bulk', g || '_' || s, 'x', now()
      FROM generate_series(1, ${pairs}) g, (SELECT extract(epoch FROM clock_timestamp())::bigint AS s) t;
    INSERT INTO posting (txn_id, account_id, currency, amount_minor, balance_after, created_at)
      SELECT 'txn_bulk_' || g || '_' || s, a, 'EUR', CASE WHEN a = 'acc_bulk_cash' THEN -100 ELSE 100 END, NULL, now()
      FROM generate_series(1, ${pairs}) g, (VALUES ('acc_bulk_cash'), ('acc_bulk_house')) v(a),
           (SELECT max(split_part(idempotency_key, '_', 2))::bigint AS s FROM ledger_txn WHERE idempotency_scope = 'bulk') t;
    UPDATE account SET balance_minor = (SELECT coalesce(sum(amount_minor), 0) FROM posting WHERE account_id = 'acc_bulk_cash') + 10000000000000 WHERE id = 'acc_bulk_cash';
    SET session_replication_role = origin;`;
  execFileSync("psql", [url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, "-c", "VACUUM ANALYZE posting, ledger_txn"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
};

const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "n/a");

/**
 * The hand-written reading of the figures (what limits each one, what was tried) lives between these markers in
 * docs/benchmarks.md and survives a re-run; update it when the figures move.
 */
const analysisStart = "<!-- analysis: hand-written, kept by npm run bench -->";
const analysisEnd = "<!-- /analysis -->";
const handWrittenAnalysis = async (docPath: string) => {
  const current = await readFile(docPath, "utf8").catch(() => "");
  const start = current.indexOf(analysisStart);
  const end = current.indexOf(analysisEnd);
  return start !== -1 && end > start
    ? current.slice(start, end + analysisEnd.length)
    : `${analysisStart}\n## What limits it\n\n(not written yet)\n${analysisEnd}`;
};

const writeReport = async (r: {
  ceiling: Ceiling;
  spread: LoadResult;
  hot: LoadResult;
  small: LoadResult & { rows: number };
  large: LoadResult & { rows: number };
  games: ReturnType<typeof runGameMath>;
  wallet: Awaited<ReturnType<typeof runWalletHttpPhase>>;
  source: string;
}) => {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const docPath = path.join(root, "docs/benchmarks.md");
  const analysis = await handWrittenAnalysis(docPath);
  const lines = [
    "# Benchmarks",
    "",
    `Command: \`npm run bench\` (BENCH_SECONDS=${seconds}, BENCH_CLIENTS=${clients}, BENCH_LEDGER_ROWS=${largeLedgerRows}).`,
    `Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${r.source === "embedded" ? "embedded 17" : "at DATABASE_URL"}. Run at ${new Date().toISOString()}.`,
    "",
    "Each platform figure is measured in the same run, on the same server, right after the PostgreSQL ceiling",
    "(`../shared/bench/ceiling.sh`: pgbench doing the least work a durable bet can do), and reported as a ratio of it.",
    "The platform path is the service layer (`debitStake`: zod validation, request hash, one `wallet_debit` call through",
    "the shared pg pool), and studio bets through our wallet protocol's HTTP endpoint (on the studio gateway and on the",
    "player site's `next start`, HMAC-signed requests with a fresh nonce, one per player, client on the same machine).",
    "The platform does more per bet than the ceiling: a",
    "three-leg double-entry transaction (cash, bonus, house), the idempotency claim, an outbox event, a zero-sum",
    "check per posting statement and a has-postings check at commit.",
    "",
    "| figure | platform | ceiling | ratio | goal |",
    "|---|---|---|---|---|",
    `| bets/s, ${clients} concurrent players | ${r.spread.tps} | ${r.ceiling.bet.tps} (bet.sql) | ${ratio(r.spread.tps, r.ceiling.bet.tps)} | ≥ 0.5 |`,
    `| p99 ms, ${clients} concurrent players | ${r.spread.p99_ms} | ${r.ceiling.bet.p99_ms} | | ≤ 25 ms |`,
    `| bets/s, one hot wallet | ${r.hot.tps} | ${r.ceiling.bet_hot_wallet.tps} (bet_hot.sql) | ${ratio(r.hot.tps, r.ceiling.bet_hot_wallet.tps)} | ≥ 1.0 |`,
    `| p99 ms, one hot wallet | ${r.hot.p99_ms} | ${r.ceiling.bet_hot_wallet.p99_ms} | | ≤ 100 ms |`,
    `| bet p95 ms at ${r.small.rows.toLocaleString("en")} postings | ${r.small.p95_ms} | | | |`,
    `| bet p95 ms at ${r.large.rows.toLocaleString("en")} postings | ${r.large.p95_ms} | | ${ratio(r.large.p95_ms, r.small.p95_ms)} × | ≤ 1.2 × |`,
    `| studio bets/s over HTTP, studio gateway (our protocol), ${clients} players | ${r.wallet.gateway.tps} | ${r.ceiling.bet.tps} (bet.sql) | ${ratio(r.wallet.gateway.tps, r.ceiling.bet.tps)} | ≥ 0.5 |`,
    `| p99 ms, studio bets over HTTP, studio gateway | ${r.wallet.gateway.p99_ms} | ${r.ceiling.bet.p99_ms} | | ≤ 25 ms |`,
    ...cpuRow(r.wallet.gateway.cpuPerOp),
    `| studio bets/s over HTTP, player site (\`next start\`) | ${r.wallet.http.tps} | ${r.ceiling.bet.tps} (bet.sql) | ${ratio(r.wallet.http.tps, r.ceiling.bet.tps)} | |`,
    `| p99 ms, studio bets over HTTP, player site | ${r.wallet.http.p99_ms} | | | |`,
    `| studio bets/s, same handler in-process | ${r.wallet.inProcess.tps} | ${r.ceiling.bet.tps} (bet.sql) | ${ratio(r.wallet.inProcess.tps, r.ceiling.bet.tps)} | |`,
    `| p99 ms, studio bets in-process | ${r.wallet.inProcess.p99_ms} | | | |`,
    "",
    analysis,
    "",
    "## Game math",
    "",
    "Outcomes drawn through the provably-fair scheme (HMAC-SHA256, one nonce per draw); chi-square against a",
    "uniform distribution, critical value at p = 0.001.",
    "",
    "| check | draws | χ² | dof | critical (p = 0.001) | uniform |",
    "|---|---|---|---|---|---|",
    `| roulette pockets (37) | ${r.games.roulette.draws} | ${r.games.roulette.chiSquare} | ${r.games.roulette.dof} | ${r.games.roulette.criticalP001} | ${r.games.roulette.isUniform ? "yes" : "NO"} |`,
    `| dice rolls (10001) | ${r.games.dice.draws} | ${r.games.dice.chiSquare} | ${r.games.dice.dof} | ${r.games.dice.criticalP001} | ${r.games.dice.isUniform ? "yes" : "NO"} |`,
    "",
    `Slot \`fruit-five\`: exact RTP by enumerating all ${r.games.slot.combinations} reel-stop combinations = ${r.games.slot.exactRtp} = ${r.games.slot.exactRtpPercent} %; simulated over ${r.games.slot.simulatedSpins.toLocaleString("en")} spins = ${r.games.slot.simulatedRtpPercent} % (${r.games.slot.simulationSeconds} s).`,
    "",
    "Raw results:",
    "",
    "```json",
    JSON.stringify(
      {
        ceiling: r.ceiling,
        spread: r.spread,
        hot: r.hot,
        small: r.small,
        large: r.large,
        wallet: r.wallet,
        games: r.games,
      },
      null,
      2,
    ),
    "```",
    "",
  ];
  await writeFile(docPath, lines.join("\n"));
  log("wrote docs/benchmarks.md");
};

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
