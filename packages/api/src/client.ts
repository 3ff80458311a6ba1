/** What browser code may import from the API: types only, nothing that runs on the server. */

export type { DomainErrorCode } from "@pitboss/db";
export type { AppRouter } from "./root";
