import { randomFillSync } from "node:crypto";
import { monotonicFactory } from "ulid";

/**
 * Prefixed, time-sortable ids (`txn_01jd…`): the prefix says what the id names, the ULID body sorts by
 * creation time so index inserts stay append-friendly. Never sequential integers on the wire.
 */
export const idPrefixes = {
  player: "ply",
  staff: "stf",
  game: "gam",
  account: "acc",
  transaction: "txn",
  event: "evt",
  request: "req",
  round: "rnd",
  bet: "bet",
  seed: "sed",
  payment: "pay",
  session: "ses",
  staffSession: "sts",
  recoveryCode: "rec",
  roleRequest: "rrq",
  audit: "aud",
  note: "not",
  restriction: "rst",
  adjustment: "adj",
  playerToken: "ptk",
  authAttempt: "att",
  mail: "mal",
  // Game studios (seamless-wallet bridge).
  gameSession: "gss",
  bridgeTransaction: "btx",
  bridgeRound: "brd",
  // Payments.
  webhookEvent: "whk",
  reconciliationRun: "rcn",
} as const;

export type IdKind = keyof typeof idPrefixes;
export type Id<K extends IdKind> = `${(typeof idPrefixes)[K]}_${string}`;
export type NewId = <K extends IdKind>(kind: K) => Id<K>;

/**
 * ulid's default generator asks the OS for one random byte per character (16 calls per id), which showed up in
 * the studio gateway's profile. The same CSPRNG bytes, drawn 4 KiB at a time: a byte / 256 times ulid's 32
 * symbols picks each symbol from exactly 8 byte values, so the symbols stay uniform.
 */
const randomBytePool = Buffer.alloc(4096);
let poolCursor = randomBytePool.length;
const pooledRandom = () => {
  if (poolCursor === randomBytePool.length) {
    randomFillSync(randomBytePool);
    poolCursor = 0;
  }
  return (randomBytePool[poolCursor++] as number) / 256;
};

const nextUlid = monotonicFactory(pooledRandom);

export const newId: NewId = (kind) => `${idPrefixes[kind]}_${nextUlid().toLowerCase()}` as Id<typeof kind>;

const idPattern = /^[a-z]{3}_[0-9a-hjkmnp-tv-z]{26}$/;
export const isId = <K extends IdKind>(kind: K, value: string): value is Id<K> =>
  idPattern.test(value) && value.startsWith(`${idPrefixes[kind]}_`);
