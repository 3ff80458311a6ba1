import { createTrpcHandler, resolveStaffFromRequest } from "@pitboss/api/http";

/**
 * The back office's tRPC endpoint. The staff session comes from the admin cookie (`__Host-pitboss-staff` in
 * production); the sign-in procedures set and clear that cookie through the response headers. Only `admin.*`
 * procedures are served here: the player app's procedures do not exist on this origin.
 */
const trpc = createTrpcHandler("admin", { resolveStaff: resolveStaffFromRequest });

const handler = (request: Request) => {
  const paths = new URL(request.url).pathname.replace(/^\/api\/trpc\/?/, "").split(",");
  if (paths.some((path) => !path.startsWith("admin."))) {
    return Response.json(
      { error: { message: "NOT_FOUND" } },
      { status: 404, headers: { "cache-control": "no-store" } },
    );
  }
  return trpc(request);
};

export { handler as GET, handler as POST };
