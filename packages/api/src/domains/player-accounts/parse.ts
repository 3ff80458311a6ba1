export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";
