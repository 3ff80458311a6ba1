import { randomUUID } from "node:crypto";
import { decimal2ToMinor, HUB88_SCALE, minorToDecimal2, minorToHub88, scaledToMinor } from "../amounts";
import type { HttpResult } from "../bridge.types";
import { handleHub88 } from "../hub88/hub88.handler";
import { signHub88 } from "../hub88/hub88-signature";
import { handlePitboss } from "../pitboss/pitboss.handler";
import { signPitbossRequest } from "../pitboss/pitboss-signature";
import { handlePragmatic } from "../pragmatic/pragmatic.handler";
import { signPragmaticForm } from "../pragmatic/pragmatic-hash";
import type { StudioFixture } from "./fixtures";

/**
 * The conformance kit's view of an adapter: it builds real signed requests (the exact bytes a studio sends), hands
 * them to the adapter's handler as the route would, and reads the protocol's answer. Cases are written once against
 * this interface and run against every adapter.
 */
export type Wire = { path: string[]; body: Buffer; headers: Record<string, string> };

/** What a case expects, protocol-neutral; each driver says which of its own statuses that is. */
export type Expected =
  | "OK"
  | "DUPLICATE"
  | "NOT_ENOUGH_MONEY"
  | "INVALID_SIGNATURE"
  | "TOKEN_EXPIRED"
  | "WRONG_CURRENCY"
  | "UNKNOWN_GAME"
  | "USER_DISABLED"
  | "ROLLED_BACK"
  | "BAD_INPUT"
  /** Over the provider's rate limit: the protocol's own transient error. */
  | "RATE_LIMITED";

export type BetParams = {
  playerId: string;
  token: string;
  txnId: string;
  roundId: string;
  amountMinor: bigint;
  currency: string;
  gameCode?: string;
};
export type WinParams = Omit<BetParams, "token"> & { betTxnId: string };
export type RollbackParams = { playerId: string; txnId: string; betTxnId: string; roundId: string; currency: string };

export type Driver = {
  name: string;
  /** False when the protocol's bet carries no currency (Pragmatic: the session's wallet currency is used). */
  canSendCurrency: boolean;
  /**
   * True when a retried transaction is answered with the player's current balance (Pragmatic), false when with the
   * stored answer byte for byte (Hub88, ours).
   */
  replaysCurrentBalance: boolean;
  send: (wire: Wire) => Promise<HttpResult>;
  bet: (params: BetParams) => Wire;
  win: (params: WinParams) => Wire;
  rollback: (params: RollbackParams) => Wire;
  balance: (params: { playerId: string; token: string }) => Wire;
  /** The same transaction sent again the way the protocol retries it (same bytes, or re-signed with a new nonce). */
  retry: (wire: Wire) => Wire;
  /** The request with a signature that does not verify. */
  forge: (wire: Wire) => Wire;
  /** A correctly signed bet whose content is malformed (a field of the wrong type or format). */
  malformedBet: (params: BetParams) => Wire;
  /** The status this protocol must answer for an expected outcome. */
  codeFor: (expected: Expected) => string;
  /** The status the protocol answered. */
  codeOf: (result: HttpResult) => string;
  /** The balance (cash + bonus, minor units) an answer reports, if any. */
  balanceOf: (result: HttpResult, currency: string) => bigint | null;
};

const json = (result: HttpResult) => JSON.parse(result.body.toString("utf8")) as Record<string, unknown>;
const headersOf = (headers: Record<string, string>) => ({ get: (name: string) => headers[name.toLowerCase()] ?? null });
const sendWith =
  (handler: typeof handleHub88, fixture: StudioFixture) =>
  (wire: Wire): Promise<HttpResult> =>
    handler(fixture.deps, {
      path: wire.path,
      body: wire.body,
      headers: headersOf(wire.headers),
      requestId: randomUUID(),
    });

export const hub88Driver = (fixture: StudioFixture): Driver => {
  const wire = (action: string[], payload: Record<string, unknown>): Wire => {
    const body = Buffer.from(JSON.stringify({ ...payload, request_uuid: randomUUID() }));
    return {
      path: [fixture.provider, ...action],
      body,
      headers: { "x-hub88-signature": signHub88(body, fixture.privateKey) },
    };
  };
  const codes: Record<Expected, string> = {
    OK: "RS_OK",
    DUPLICATE: "RS_ERROR_DUPLICATE_TRANSACTION",
    NOT_ENOUGH_MONEY: "RS_ERROR_NOT_ENOUGH_MONEY",
    INVALID_SIGNATURE: "RS_ERROR_INVALID_SIGNATURE",
    TOKEN_EXPIRED: "RS_ERROR_TOKEN_EXPIRED",
    WRONG_CURRENCY: "RS_ERROR_WRONG_CURRENCY",
    UNKNOWN_GAME: "RS_ERROR_INVALID_GAME",
    USER_DISABLED: "RS_ERROR_USER_DISABLED",
    ROLLED_BACK: "RS_ERROR_TRANSACTION_ROLLED_BACK",
    BAD_INPUT: "RS_ERROR_WRONG_SYNTAX",
    RATE_LIMITED: "RS_ERROR_UNKNOWN",
  };
  return {
    name: "hub88",
    canSendCurrency: true,
    replaysCurrentBalance: false,
    send: sendWith(handleHub88, fixture),
    bet: (p) =>
      wire(["transaction", "bet"], {
        user: p.playerId,
        transaction_uuid: p.txnId,
        supplier_transaction_id: p.txnId,
        token: p.token,
        round: p.roundId,
        round_closed: false,
        game_code: p.gameCode ?? fixture.gameCode,
        currency: p.currency,
        amount: Number(minorToHub88(p.amountMinor, p.currency)),
        bet: "spin",
        is_free: false,
      }),
    win: (p) =>
      wire(["transaction", "win"], {
        user: p.playerId,
        transaction_uuid: p.txnId,
        reference_transaction_uuid: p.betTxnId,
        token: "expired-or-not-does-not-matter",
        round: p.roundId,
        round_closed: true,
        game_code: p.gameCode ?? fixture.gameCode,
        currency: p.currency,
        amount: Number(minorToHub88(p.amountMinor, p.currency)),
      }),
    rollback: (p) =>
      wire(["transaction", "rollback"], {
        user: p.playerId,
        transaction_uuid: p.txnId,
        reference_transaction_uuid: p.betTxnId,
        round: p.roundId,
        round_closed: true,
        game_code: fixture.gameCode,
      }),
    balance: (p) => wire(["user", "balance"], { user: p.playerId, token: p.token, game_code: fixture.gameCode }),
    retry: (w) => w,
    forge: (w) => ({
      ...w,
      headers: { "x-hub88-signature": signHub88(Buffer.from(`${w.body}x`), fixture.privateKey) },
    }),
    malformedBet: (p) => {
      const body = Buffer.from(`{"user":"${p.playerId}","request_uuid":"${randomUUID()}","transaction_uuid":`);
      return {
        path: [fixture.provider, "transaction", "bet"],
        body,
        headers: { "x-hub88-signature": signHub88(body, fixture.privateKey) },
      };
    },
    codeFor: (expected) => codes[expected],
    codeOf: (result) => String(json(result).status),
    balanceOf: (result, currency) => {
      const balance = json(result).balance;
      return typeof balance === "number" ? scaledToMinor(BigInt(balance), HUB88_SCALE, currency) : null;
    },
  };
};

export const pragmaticDriver = (fixture: StudioFixture): Driver => {
  const wire = (method: string, params: Record<string, string>): Wire => ({
    path: [method],
    body: Buffer.from(signPragmaticForm({ providerId: fixture.provider, ...params }, fixture.secret)),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  const timestamp = () => String(fixture.clock().getTime());
  const codes: Record<Expected, string> = {
    OK: "0",
    DUPLICATE: "7",
    NOT_ENOUGH_MONEY: "1",
    INVALID_SIGNATURE: "5",
    TOKEN_EXPIRED: "4",
    WRONG_CURRENCY: "7",
    UNKNOWN_GAME: "8",
    USER_DISABLED: "6",
    ROLLED_BACK: "120",
    BAD_INPUT: "7",
    RATE_LIMITED: "100",
  };
  return {
    name: "pragmatic",
    canSendCurrency: false,
    replaysCurrentBalance: true,
    send: sendWith(handlePragmatic, fixture),
    bet: (p) =>
      wire("bet.html", {
        userId: p.playerId,
        gameId: p.gameCode ?? fixture.gameCode,
        roundId: p.roundId,
        amount: minorToDecimal2(p.amountMinor, p.currency),
        reference: p.txnId,
        timestamp: timestamp(),
        roundDetails: "spin",
        token: p.token,
      }),
    win: (p) =>
      wire("result.html", {
        userId: p.playerId,
        gameId: p.gameCode ?? fixture.gameCode,
        roundId: p.roundId,
        amount: minorToDecimal2(p.amountMinor, p.currency),
        reference: p.txnId,
        timestamp: timestamp(),
        roundDetails: "spin",
      }),
    // Pragmatic refunds name the bet's reference; they have no id of their own.
    rollback: (p) => wire("refund.html", { userId: p.playerId, reference: p.betTxnId, roundId: p.roundId }),
    balance: (p) => wire("balance.html", { userId: p.playerId, token: p.token }),
    retry: (w) => w,
    forge: (w) => {
      const params = new URLSearchParams(w.body.toString("utf8"));
      params.set("hash", "0".repeat(32));
      return { ...w, body: Buffer.from(params.toString()) };
    },
    // Three decimals: Pragmatic amounts have two.
    malformedBet: (p) =>
      wire("bet.html", {
        userId: p.playerId,
        gameId: fixture.gameCode,
        roundId: p.roundId,
        amount: "1.005",
        reference: p.txnId,
        timestamp: timestamp(),
        roundDetails: "spin",
        token: p.token,
      }),
    codeFor: (expected) => codes[expected],
    codeOf: (result) => String(json(result).error),
    balanceOf: (result, currency) => {
      const text = result.body.toString("utf8");
      const cash = /"cash":([0-9.]+)/.exec(text)?.[1];
      const bonus = /"bonus":([0-9.]+)/.exec(text)?.[1];
      if (!cash || !bonus) return null;
      return (decimal2ToMinor(cash, currency) ?? 0n) + (decimal2ToMinor(bonus, currency) ?? 0n);
    },
  };
};

export const pitbossDriver = (fixture: StudioFixture): Driver => {
  const wire = (action: string, payload: Record<string, unknown>): Wire => {
    const body = JSON.stringify({ requestId: randomUUID(), ...payload });
    return {
      path: ["v1", fixture.provider, action],
      body: Buffer.from(body),
      headers: signPitbossRequest(fixture.secret, body, fixture.clock()),
    };
  };
  const codes: Record<Expected, string> = {
    OK: "OK",
    DUPLICATE: "DUPLICATE_TRANSACTION",
    NOT_ENOUGH_MONEY: "INSUFFICIENT_FUNDS",
    INVALID_SIGNATURE: "INVALID_SIGNATURE",
    TOKEN_EXPIRED: "TOKEN_EXPIRED",
    WRONG_CURRENCY: "CURRENCY_MISMATCH",
    UNKNOWN_GAME: "GAME_UNAVAILABLE",
    USER_DISABLED: "PLAYER_BLOCKED",
    ROLLED_BACK: "TRANSACTION_ROLLED_BACK",
    BAD_INPUT: "BAD_REQUEST",
    RATE_LIMITED: "RATE_LIMITED",
  };
  return {
    name: "pitboss",
    canSendCurrency: true,
    replaysCurrentBalance: false,
    send: sendWith(handlePitboss, fixture),
    bet: (p) =>
      wire("bet", {
        playerId: p.playerId,
        token: p.token,
        transactionId: p.txnId,
        roundId: p.roundId,
        gameCode: p.gameCode ?? fixture.gameCode,
        currency: p.currency,
        amountMinor: p.amountMinor.toString(),
      }),
    win: (p) =>
      wire("win", {
        playerId: p.playerId,
        transactionId: p.txnId,
        betTransactionId: p.betTxnId,
        roundId: p.roundId,
        gameCode: p.gameCode ?? fixture.gameCode,
        currency: p.currency,
        amountMinor: p.amountMinor.toString(),
        roundClosed: true,
      }),
    rollback: (p) =>
      wire("rollback", {
        playerId: p.playerId,
        transactionId: p.txnId,
        referenceTransactionId: p.betTxnId,
        roundId: p.roundId,
      }),
    balance: (p) => wire("balance", { playerId: p.playerId, token: p.token }),
    // The protocol's nonce is single-use: a studio retries a transaction as a new request (new requestId, new
    // signature) carrying the same transactionId.
    retry: (w) => {
      const { requestId: _previous, ...payload } = JSON.parse(w.body.toString("utf8")) as Record<string, unknown>;
      return wire(w.path[2] as string, payload);
    },
    forge: (w) => ({
      ...w,
      headers: signPitbossRequest("not-the-secret-at-all", w.body.toString("utf8"), fixture.clock()),
    }),
    // A decimal amount: the protocol counts integer minor units.
    malformedBet: (p) =>
      wire("bet", {
        playerId: p.playerId,
        token: p.token,
        transactionId: p.txnId,
        roundId: p.roundId,
        gameCode: fixture.gameCode,
        currency: p.currency,
        amountMinor: "1.50",
      }),
    codeFor: (expected) => codes[expected],
    codeOf: (result) => {
      const body = json(result);
      return body.ok ? "OK" : String((body.error as { code?: string } | undefined)?.code);
    },
    balanceOf: (result) => {
      const balance = json(result).balance as { cashMinor?: string; bonusMinor?: string } | undefined;
      return balance?.cashMinor ? BigInt(balance.cashMinor) + BigInt(balance.bonusMinor ?? "0") : null;
    },
  };
};

export const driverFor = (fixture: StudioFixture): Driver =>
  fixture.protocol === "HUB88"
    ? hub88Driver(fixture)
    : fixture.protocol === "PRAGMATIC"
      ? pragmaticDriver(fixture)
      : pitbossDriver(fixture);
