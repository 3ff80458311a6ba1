export { getServiceDeps, type ServiceDeps } from "./deps";
export { getServerEnv } from "./env";
export { type AppRouter, appRouter, createCaller } from "./root";
