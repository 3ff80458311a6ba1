import { randomBytes } from "node:crypto";
import { sha256Hex } from "../../lib/sha256";

/** 32 CSPRNG bytes, URL-safe: what the emailed link carries. Only its SHA-256 is stored. */
export const newAccountToken = (): string => randomBytes(32).toString("base64url");

export const hashAccountToken = (token: string): string => sha256Hex(token);
