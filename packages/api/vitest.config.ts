import { defineConfig } from "vitest/config";

// unit: pure logic, no database. int: real PostgreSQL at DATABASE_URL (a fresh, migrated database per run).
export default defineConfig({
  test: {
    projects: [
      {
        // the CPU-bound property and simulation tests share 2 cores with the int suite in CI
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["src/**/*.int.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "int",
          include: ["src/**/*.int.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
    ],
  },
});
