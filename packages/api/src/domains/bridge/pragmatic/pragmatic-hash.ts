import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Pragmatic Play's request hash: every parameter except `hash`, sorted by name, joined as `k=v&k=v`, the secret
 * appended, MD5 in lower-case hex. Values are the decoded form values.
 */
export const pragmaticHash = (params: Iterable<[string, string]>, secret: string): string => {
  const sorted = [...params].filter(([key]) => key !== "hash").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("md5")
    .update(`${sorted.map(([key, value]) => `${key}=${value}`).join("&")}${secret}`, "utf8")
    .digest("hex");
};

export const verifyPragmatic = (params: URLSearchParams, secret: string): boolean => {
  const given = params.get("hash")?.toLowerCase() ?? "";
  if (!/^[0-9a-f]{32}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(pragmaticHash(params.entries(), secret)));
};

/** A form body signed as a Pragmatic request would be (used by the conformance kit and the benchmark). */
export const signPragmaticForm = (params: Record<string, string>, secret: string): string => {
  const form = new URLSearchParams(params);
  form.set("hash", pragmaticHash(Object.entries(params), secret));
  return form.toString();
};
