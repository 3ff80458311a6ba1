import { createDb, type Db } from "../client";

/** The database an integration test run uses: `with-database --fresh` puts a migrated one in DATABASE_URL. */
export const testDatabaseUrl = (): string => {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set: run integration tests through `npm run test:int` (with-database --fresh)",
    );
  return url;
};

export const createTestDb = (maxConnections = 20): Db =>
  createDb({ url: testDatabaseUrl(), maxConnections, applicationName: "pitboss-test" });
