import { hash } from "node:crypto";

/**
 * Hex SHA-256 of a string (as UTF-8) or of bytes: what the platform stores in place of a secret token, and how it
 * fingerprints requests and documents. One call (crypto.hash) rather than a Hash object: it runs on every studio bet.
 */
export const sha256Hex = (value: string | Buffer): string => hash("sha256", value, "hex");
