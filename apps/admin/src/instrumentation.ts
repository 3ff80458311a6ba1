/**
 * Runs once when the server boots: a missing or malformed variable stops it here with one line naming the
 * variable and the fix, instead of failing on the first request.
 */
export const register = async () => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getServerEnv, getStaffMfaKey } = await import("@pitboss/api");
  try {
    getServerEnv();
    // The back office encrypts staff TOTP secrets: production must bring its own key.
    getStaffMfaKey();
  } catch (error) {
    console.error(`pitboss: ${(error as Error).message}`);
    process.exit(1);
  }
};
