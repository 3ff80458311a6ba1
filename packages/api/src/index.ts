// The player app: Auth.js's credential check and per-request session check, its in-process caller, demo mode.
export { isDemoMode } from "./demo-mode";
export { getServiceDeps, type ServiceDeps } from "./deps";
export { checkServerEnvironment } from "./domains/payments/providers/credentials";
export {
  type AuthenticatedPlayer,
  authenticatePlayer,
} from "./domains/player-accounts/authenticate-player";
export { playerLocales, signUpCountries, signUpCurrencies } from "./domains/player-accounts/player-accounts.schemas";
export { SESSION_MAX_AGE_S } from "./domains/player-accounts/policy";
export { resolvePlayerSession } from "./domains/player-accounts/resolve-session";
export { getServerEnv, getStaffMfaKey } from "./env";
export { isDomainError } from "./errors";
export { createPlayerServerCaller } from "./http/player-caller";
export { type AppRouter, appRouter, createCaller } from "./root";
