import { createTrpcHandler } from "@pitboss/api/http";

const handler = createTrpcHandler("admin");

export { handler as GET, handler as POST };
