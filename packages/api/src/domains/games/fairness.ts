/**
 * The provably-fair scheme, exactly as public verifiers recompute it.
 *
 * - Before play the player sees `hashServerSeed(serverSeed)` (SHA-256 hex of the seed string, utf8).
 * - Round bytes: HMAC-SHA256 keyed with the server seed string over `${clientSeed}:${nonce}:${cursor}`
 *   for cursor 0, 1, 2, … (32 bytes per block), concatenated and cut to the length needed.
 * - Each float uses 4 consecutive bytes: b0/256 + b1/256² + b2/256³ + b3/256⁴, so 8 floats per block.
 *   Every such float is exactly u32 / 2^32 where u32 = b0·2^24 + b1·2^16 + b2·2^8 + b3 (see float-to-int.ts).
 *
 * Check vector: server seed `3f9a1c7e5b2d4a6f8e0c1b3d5f7a9c2e`, client seed `lucky-player`, nonce 7
 * → floats 0.6342450422234833, 0.09092797734774649, …
 */
import { createHash, createHmac, randomBytes } from "node:crypto";

/** Bytes in one HMAC-SHA256 block. */
export const BLOCK_BYTES = 32;
/** Bytes consumed by one float. */
export const BYTES_PER_FLOAT = 4;
/** Upper bound on the bytes one round may draw (a guard against runaway requests, far above any game's need). */
export const MAX_OUTCOME_BYTES = 1 << 16;

/** SHA-256 hex of the server seed string (utf8): the commitment shown before the seed is revealed. */
export const hashServerSeed = (serverSeed: string): string =>
  createHash("sha256").update(serverSeed, "utf8").digest("hex");

/** A fresh server seed: 32 bytes from the CSPRNG, hex encoded. */
export const newServerSeed = (): string => randomBytes(32).toString("hex");

const assertInputs = (serverSeed: string, nonce: number, count: number): void => {
  if (serverSeed.length === 0) throw new RangeError("serverSeed must not be empty");
  if (!Number.isSafeInteger(nonce) || nonce < 0) throw new RangeError("nonce must be a non-negative safe integer");
  if (!Number.isSafeInteger(count) || count < 0 || count > MAX_OUTCOME_BYTES) {
    throw new RangeError(`count must be an integer in 0..${MAX_OUTCOME_BYTES}`);
  }
};

/** The first `count` bytes of HMAC-SHA256(serverSeed, `${clientSeed}:${nonce}:${cursor}`) for cursor 0, 1, 2, … */
export const outcomeBytes = (serverSeed: string, clientSeed: string, nonce: number, count: number): Uint8Array => {
  assertInputs(serverSeed, nonce, count);
  const out = new Uint8Array(count);
  for (let cursor = 0; cursor * BLOCK_BYTES < count; cursor += 1) {
    const block = createHmac("sha256", serverSeed).update(`${clientSeed}:${nonce}:${cursor}`, "utf8").digest();
    out.set(block.subarray(0, Math.min(BLOCK_BYTES, count - cursor * BLOCK_BYTES)), cursor * BLOCK_BYTES);
  }
  return out;
};

/** The float of 4 bytes at `offset`: b0/256 + b1/256² + b2/256³ + b3/256⁴ (always in [0, 1), exact in a double). */
export const floatFromBytes = (bytes: Uint8Array, offset: number): number => {
  const b0 = bytes[offset];
  const b1 = bytes[offset + 1];
  const b2 = bytes[offset + 2];
  const b3 = bytes[offset + 3];
  if (b0 === undefined || b1 === undefined || b2 === undefined || b3 === undefined) {
    throw new RangeError("four bytes are needed from offset");
  }
  return b0 / 256 + b1 / 256 ** 2 + b2 / 256 ** 3 + b3 / 256 ** 4;
};

/** `count` floats in [0, 1), each from 4 consecutive outcome bytes (8 per HMAC block). */
export const outcomeFloats = (serverSeed: string, clientSeed: string, nonce: number, count: number): number[] => {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError("count must be a non-negative integer");
  const bytes = outcomeBytes(serverSeed, clientSeed, nonce, count * BYTES_PER_FLOAT);
  const floats: number[] = [];
  for (let i = 0; i < count; i += 1) floats.push(floatFromBytes(bytes, i * BYTES_PER_FLOAT));
  return floats;
};
