import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// unit: pure logic of the player app (i18n catalogs and formatting, money input); never Playwright's e2e specs.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
