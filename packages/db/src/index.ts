export { bigintTypes, createDb, type Db, type Tx } from "./client";
export { type Clock, manualClock, systemClock } from "./clock";
export { DomainError, type DomainErrorCode, domainErrorCodes, isDomainError } from "./errors";
export type { Prisma } from "./generated/prisma/client";
export { type Id, type IdKind, idPrefixes, isId, type NewId, newId } from "./ids";
export { createLogger, currentRequestContext, type Logger, type RequestContext, runWithRequestContext } from "./logger";
export { migrate, migrationStatus } from "./migrate";
export * from "./money";
export { hashPassword, verifyPassword } from "./password-hash";
