export { healthHandler, readyHandler } from "./probes";
export { securityHeaders } from "./security-headers";
export { createTrpcHandler } from "./trpc-handler";
