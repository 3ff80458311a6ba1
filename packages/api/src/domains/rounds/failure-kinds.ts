const prismaCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** A unique constraint refused the insert (Prisma P2002): a concurrent request with the same key got there first. */
export const isUniqueViolation = (error: unknown) => prismaCode(error) === "P2002";

/** The row to update was not there (Prisma P2025), e.g. the active seed pair was rotated out under us. */
export const isRecordNotFound = (error: unknown) => prismaCode(error) === "P2025";
