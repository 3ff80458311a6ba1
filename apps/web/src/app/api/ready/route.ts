export { readyHandler as GET } from "@pitboss/api/http";

export const dynamic = "force-dynamic";
