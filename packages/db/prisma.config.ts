import { defineConfig } from "prisma/config";

// Used by `prisma generate` only; migrations are applied by src/migrate.ts (see TOOLCHAIN notes in README).
export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
});
