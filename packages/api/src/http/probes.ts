import { getServiceDeps } from "../deps";
import { getReadiness } from "../domains/system/get-readiness";

const noStore = { "cache-control": "no-store" };

/** Liveness: the process answers. Never touches the database, so a database outage does not restart apps. */
export const healthHandler = () => Response.json({ status: "live" }, { headers: noStore });

/** Readiness: the database answers and migrations are current; 503 otherwise, so a balancer drains us. */
export const readyHandler = async () => {
  const readiness = await getReadiness(getServiceDeps());
  return Response.json(
    { status: readiness.isReady ? "ready" : "not-ready", ...readiness },
    { status: readiness.isReady ? 200 : 503, headers: noStore },
  );
};
