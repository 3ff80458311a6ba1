export { healthHandler as GET } from "@pitboss/api/http";
