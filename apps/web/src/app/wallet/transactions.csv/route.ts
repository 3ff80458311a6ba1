import { currentPlayer } from "~/auth";
import { playerApi } from "~/trpc/server";

const accountTypes = ["CASH", "BONUS", "WITHDRAWAL_PENDING"] as const;

const dateParam = (value: string | null) => {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
};

/** The filtered statement as a CSV download; personal, so never stored by any cache. */
export const GET = async (request: Request) => {
  if (!(await currentPlayer())) return new Response(null, { status: 401, headers: { "cache-control": "no-store" } });
  const params = new URL(request.url).searchParams;
  const type = accountTypes.find((t) => t === params.get("type")) ?? "CASH";
  const kind = params.get("kind");
  const { filename, csv } = await (await playerApi()).wallet.exportCsv({
    type,
    ...(kind ? { kinds: [kind as never] } : {}),
    from: dateParam(params.get("from")),
    to: dateParam(params.get("to")),
  });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
};

export const dynamic = "force-dynamic";
