/** A studio's HTTP request as the thin route hands it over: the path after the protocol prefix and the exact bytes. */
export type ProviderRequest = {
  path: string[];
  body: Buffer;
  headers: { get: (name: string) => string | null };
  requestId: string;
  /** The body exceeded the size limit and was cut off (the route reads at most MAX_BODY_BYTES). */
  isTooLarge?: boolean;
};

/** Studio requests are small; anything larger is refused unread. */
export const MAX_BODY_BYTES = 64 * 1024;
