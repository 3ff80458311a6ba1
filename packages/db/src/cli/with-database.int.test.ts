import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const withDatabase = fileURLToPath(new URL("./with-database.ts", import.meta.url));
const run = (...command: string[]) =>
  spawnSync("npx", ["tsx", withDatabase, "--fresh", "--", ...command], { encoding: "utf8", env: process.env });

// CI trusts this exit status for every integration and end-to-end suite: a failure must never read as success.
describe("with-database", () => {
  it("exits with the wrapped command's failing status", () => {
    expect(run("sh", "-c", "exit 3").status).toBe(3);
  });

  it("exits 0 when the command succeeds, with DATABASE_URL pointing at a fresh database", () => {
    const result = run("sh", "-c", 'case "$DATABASE_URL" in *pitboss*) exit 0;; *) exit 4;; esac');
    expect(result.status).toBe(0);
  });
});
