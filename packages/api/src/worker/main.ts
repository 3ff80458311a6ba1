import PgBoss from "pg-boss";
import { getServiceDeps } from "../deps";
import { getServerEnv } from "../env";
import { recurringJobs } from "./jobs";

/** The worker process: long or periodic work never runs inside a web request. */
const main = async () => {
  const env = getServerEnv();
  const deps = getServiceDeps();
  const boss = new PgBoss({ connectionString: env.DATABASE_URL, application_name: "pitboss-worker", max: 4 });
  boss.on("error", (error) => deps.logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const job of recurringJobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    await boss.work(job.name, async () => {
      const result = await job.run(deps);
      deps.logger.info({ job: job.name, result }, "job done");
    });
  }
  deps.logger.info({ jobs: recurringJobs.map((j) => j.name) }, "worker started");

  const shutdown = async () => {
    await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
    await deps.db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
};

main().catch((error: unknown) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
