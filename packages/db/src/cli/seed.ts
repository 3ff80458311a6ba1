import { createDb } from "../client";
import { migrate } from "../migrate";
import { provisionDatabase } from "../provision";
import { seedDemoData } from "../seed/seed";
import { runCli } from "./run-cli";

runCli("db:seed", async () => {
  const database = await provisionDatabase("persistent");
  const db = createDb({ url: database.url });
  try {
    await migrate(database.url);
    await seedDemoData(db, (line) => console.log(line));
  } finally {
    await db.close();
    await database.release();
  }
});
