import { randomUUID } from "node:crypto";
import http from "node:http";
import { createLogger, exponentOf, isCurrencyCode } from "@pitboss/db";
import type { DemoStudioEnv } from "../env";
import { gamePage, gameScript } from "./page";
import type { WalletClient } from "./wallet-client";
import { spinWheel, winUnits } from "./wheel";

/** The demo studio's HTTP app: the game page for the iframe and the two calls its page makes (balance, spin). */
const logger = createLogger({ name: "demo-studio" });

const unitsScale = 100_000n;
/** Hub88 units (× 100000) as a decimal in the currency's precision: 150000 EUR → "1.50". */
const formatUnits = (units: number | bigint | undefined, currency: string) => {
  if (units === undefined || !isCurrencyCode(currency)) return undefined;
  const exponent = Math.min(exponentOf(currency), 5);
  const minor = BigInt(units) / 10n ** BigInt(5 - exponent);
  const digits = minor.toString().padStart(exponent + 1, "0");
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
};
/** "1.50" → 150000 units; null when not a plain decimal with at most 5 places. */
const parseUnits = (text: string): bigint | null => {
  const match = /^(\d{1,9})(?:\.(\d{1,5}))?$/.exec(text);
  if (!match) return null;
  return BigInt(match[1] ?? "0") * unitsScale + BigInt((match[2] ?? "").padEnd(5, "0"));
};

type Session = { token: string; user: string; game: string; currency: string };
const sessionOf = (body: Record<string, unknown>): Session | null => {
  const { token, user, game, currency } = body;
  return [token, user, game, currency].every((v) => typeof v === "string" && v.length > 0 && v.length <= 200) &&
    isCurrencyCode(currency as string)
    ? ({ token, user, game, currency } as Session)
    : null;
};

const spin = async (wallet: WalletClient, session: Session, stake: string) => {
  const stakeUnits = parseUnits(stake);
  if (stakeUnits === null || stakeUnits === 0n) return { error: "INVALID_STAKE" };
  const round = randomUUID();
  const betUuid = randomUUID();
  const bet = await wallet.bet({ ...session, round, transactionUuid: betUuid, amount: stakeUnits });
  if (!bet.isPlaced) return { error: bet.answer.status, balance: formatUnits(bet.answer.balance, session.currency) };
  const { segment, multiplierTenths } = spinWheel();
  const won = winUnits(stakeUnits, multiplierTenths, exponentOf(session.currency));
  const paid = await wallet.win({
    ...session,
    round,
    transactionUuid: randomUUID(),
    betTransactionUuid: betUuid,
    amount: won,
  });
  return {
    segment,
    multiplier: (multiplierTenths / 10).toFixed(1),
    win: formatUnits(won, session.currency),
    balance: formatUnits(paid.balance ?? bet.answer.balance, session.currency),
    ...(paid.status === "RS_OK" ? {} : { error: paid.status }),
  };
};

const readJson = async (request: http.IncomingMessage): Promise<Record<string, unknown>> => {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
};

export const createDemoStudioServer = (env: DemoStudioEnv, wallet: WalletClient) => {
  const pageHeaders = {
    "content-security-policy": `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors ${env.DEMO_STUDIO_FRAME_ANCESTORS}`,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
  };
  return http.createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://demo-studio.local");
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { ...pageHeaders, "content-type": type });
      response.end(body);
    };
    try {
      if (request.method === "GET" && url.pathname === "/health")
        return send(200, "application/json", '{"status":"live"}');
      if (request.method === "GET" && url.pathname === "/game")
        return send(200, "text/html; charset=utf-8", gamePage());
      if (request.method === "GET" && url.pathname === "/app.js") return send(200, "text/javascript", gameScript());
      if (request.method === "POST" && (url.pathname === "/api/balance" || url.pathname === "/api/spin")) {
        const body = await readJson(request);
        const session = sessionOf(body);
        if (!session) return send(400, "application/json", '{"error":"BAD_SESSION"}');
        const result =
          url.pathname === "/api/spin"
            ? await spin(wallet, session, String(body.stake ?? ""))
            : await wallet.balance(session).then(
                (answer) => ({ status: answer.status, balance: formatUnits(answer.balance, session.currency) }),
                () => ({ error: "NO_ANSWER" }),
              );
        return send(200, "application/json", JSON.stringify(result));
      }
      return send(404, "text/plain", "not found");
    } catch (error) {
      logger.error({ err: error, path: url.pathname }, "demo studio: request failed");
      return send(500, "application/json", '{"error":"STUDIO_ERROR"}');
    }
  });
};
