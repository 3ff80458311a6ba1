import { createTrpcHandler } from "@pitboss/api/http";

const handler = createTrpcHandler("web");

export { handler as GET, handler as POST };
