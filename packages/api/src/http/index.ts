export { paymentWebhookHandler } from "./payment-webhooks";
export { healthHandler, readyHandler } from "./probes";
export {
  hub88WalletHandler,
  pitbossWalletHandler,
  pragmaticWalletHandler,
  readProviderBody,
} from "./provider-wallet";
export {
  pageContentSecurityPolicy,
  securityHeaders,
  securityHeadersWithoutCsp,
  staticContentSecurityPolicy,
} from "./security-headers";
export {
  createAdminServerCaller,
  readStaffToken,
  resolveStaffFromRequest,
  staffCookieName,
} from "./staff-session";
export { createTrpcHandler } from "./trpc-handler";
