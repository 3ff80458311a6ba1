/**
 * Runs a command-line entry point: a failure prints one line saying what to do, never a stack trace
 * (set DEBUG=1 for the trace).
 */
export const runCli = (name: string, main: () => Promise<unknown>) => {
  main().then(
    (code) => {
      if (typeof code === "number") process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`${name}: ${message}`);
      if (process.env.DEBUG) console.error(error);
      process.exit(1);
    },
  );
};
