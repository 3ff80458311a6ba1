import { createTRPCRouter } from "../../trpc";
import { adminAccountRouter } from "./account";
import { adminAdjustmentRouter } from "./adjustment";
import { adminAuditRouter } from "./audit";
import { adminAuthRouter } from "./auth";
import { adminHomeRouter } from "./home";
import { adminPaymentsRouter } from "./payments";
import { adminPlayerRouter } from "./player";
import { adminStaffRouter } from "./staff";
import { adminStudiosRouter } from "./studios";

/**
 * `admin.*`: everything the back office calls, and nothing else may be called from it. Every procedure is
 * either a sign-in step or `withPermission(...)` (see domains/staff/policy.ts and permissions.int.test.ts).
 */
export const adminRouter = createTRPCRouter({
  auth: adminAuthRouter,
  account: adminAccountRouter,
  home: adminHomeRouter,
  player: adminPlayerRouter,
  adjustment: adminAdjustmentRouter,
  payments: adminPaymentsRouter,
  audit: adminAuditRouter,
  staff: adminStaffRouter,
  studios: adminStudiosRouter,
});
