import { createTrpcHandler } from "@pitboss/api/http";
import { currentPlayer } from "~/auth";

const handler = createTrpcHandler("web", { resolvePlayer: currentPlayer });

export { handler as GET, handler as POST };
