import { migrate } from "../migrate";
import { provisionDatabase } from "../provision";
import { runCli } from "./run-cli";

runCli("db:migrate", async () => {
  const database = await provisionDatabase("persistent");
  try {
    const applied = await migrate(database.url, { log: (line) => console.log(line) });
    console.log(applied.length ? `applied ${applied.length} migration(s)` : "database is up to date");
  } finally {
    await database.release();
  }
});
