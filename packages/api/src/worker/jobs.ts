import type { ServiceDeps } from "../deps";

/**
 * Recurring jobs the worker runs on the PostgreSQL-backed queue (pg-boss). Each is a thin call into a
 * domain service, safe to run twice (pg-boss delivers at least once), and scheduled by cron in UTC.
 */
export type RecurringJob = { name: string; cron: string; run: (deps: ServiceDeps) => Promise<unknown> };

export const recurringJobs: RecurringJob[] = [];
