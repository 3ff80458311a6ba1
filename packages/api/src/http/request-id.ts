import { newId } from "@pitboss/db";

const acceptable = /^[A-Za-z0-9_.:-]{8,64}$/;

/** Reuses a well-formed incoming X-Request-Id (from a proxy) or mints one. */
export const requestIdOf = (request: Request): string => {
  const incoming = request.headers.get("x-request-id");
  return incoming && acceptable.test(incoming) ? incoming : newId("request");
};
