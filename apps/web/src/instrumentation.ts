/**
 * Runs once when the server boots: a missing or malformed variable stops it here with one line naming the
 * variable and the fix, instead of failing on the first request.
 */
export const register = async () => {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./instrumentation-node")).checkEnvironmentOrExit();
};
