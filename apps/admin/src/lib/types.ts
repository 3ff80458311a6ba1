import type { AppRouter } from "@pitboss/api/client";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>["admin"];

export type Me = NonNullable<Outputs["auth"]["me"]>;
export type Permission = Me["permissions"][number];
export type PlayerView = Outputs["player"]["get"];
export type AdjustmentView = Outputs["adjustment"]["list"][number];
export type AuditRow = Outputs["audit"]["list"]["items"][number];
export type StaffMember = Outputs["staff"]["list"][number];
export type SessionView = Outputs["account"]["sessions"]["list"][number];
