"use client";

import { Button, Notice, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useErrorMessage, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

const mono = "font-mono text-xs break-all";

/** JSON with object keys sorted, so two outcomes compare by content. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : typeof v === "bigint"
        ? v.toString()
        : v,
  );

/**
 * Provably fair: the committed server-seed hash, the editable client seed and the next nonce; rotating reveals
 * the seed, after which any round it produced can be recomputed here (or on the public /verify page).
 */
export const FairnessPanel = ({ game }: { game: string }) => {
  const t = useT("games");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refetchAfterWrite = useRefetchAfterWrite();
  const fairness = useQuery(trpc.fairness.get.queryOptions());
  const rounds = useQuery(trpc.round.recent.queryOptions());
  const refresh = () => refetchAfterWrite(trpc.fairness.get.queryKey(), trpc.round.pathKey());
  const setSeed = useMutation(trpc.fairness.setClientSeed.mutationOptions({ onSuccess: refresh }));
  const rotate = useMutation(trpc.fairness.rotate.mutationOptions({ onSuccess: refresh }));
  const [verdict, setVerdict] = useState<{ roundId: string; isMatch: boolean } | null>(null);
  const [verifyError, setVerifyError] = useState<unknown>(null);

  const onSeed = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSeed.mutate({ clientSeed: String(new FormData(event.currentTarget).get("clientSeed") ?? "") });
  };

  const verifiable = (rounds.data ?? []).find((round) => round.game === game && round.fairness?.serverSeed);
  const verify = async () => {
    if (!verifiable?.fairness?.serverSeed) return;
    setVerifyError(null);
    try {
      const result = await queryClient.fetchQuery(
        trpc.fairness.verify.queryOptions({
          game: verifiable.game,
          serverSeed: verifiable.fairness.serverSeed,
          clientSeed: verifiable.fairness.clientSeed,
          nonce: verifiable.fairness.nonce,
          params: verifiable.params,
          calcVer: verifiable.calcVer,
        }),
      );
      setVerdict({ roundId: verifiable.id, isMatch: canonical(result.outcome) === canonical(verifiable.outcome) });
    } catch (error) {
      setVerifyError(error);
    }
  };

  const active = fairness.data?.active;
  const previous = fairness.data?.previous;
  const verifierHref = verifiable?.fairness?.serverSeed
    ? `/verify?${new URLSearchParams({
        game: verifiable.game,
        serverSeed: verifiable.fairness.serverSeed,
        clientSeed: verifiable.fairness.clientSeed,
        nonce: String(verifiable.fairness.nonce),
        params: JSON.stringify(verifiable.params),
      })}`
    : null;

  return (
    <section
      aria-labelledby="fair-title"
      className="flex flex-col gap-3 rounded-xl bg-felt-900 p-4 ring-1 ring-felt-700"
      data-testid="fairness-panel"
    >
      <h2 id="fair-title" className="font-semibold text-lg">
        {t("fair.title")}
      </h2>
      {active ? (
        <dl className="grid gap-2 text-sm">
          <div>
            <dt className="text-muted">{t("fair.serverSeedHash")}</dt>
            <dd className={mono} dir="ltr" data-testid="server-seed-hash">
              {active.serverSeedHash}
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("fair.nonce")}</dt>
            <dd className="font-mono" dir="ltr" data-testid="nonce">
              {active.nextNonce}
            </dd>
          </div>
        </dl>
      ) : null}
      <form onSubmit={onSeed} className="flex flex-col gap-1" key={active?.clientSeed}>
        <label htmlFor="client-seed" className="text-muted text-sm">
          {t("fair.clientSeed")}
        </label>
        <div className="flex gap-2">
          <input
            id="client-seed"
            name="clientSeed"
            defaultValue={active?.clientSeed}
            dir="ltr"
            maxLength={64}
            pattern="[A-Za-z0-9_.\-]+"
            className="w-full min-w-0 rounded-md border border-felt-700 bg-felt-950 px-2 py-1.5 font-mono text-sm"
            data-testid="client-seed"
          />
          <Button type="submit" variant="secondary" isBusy={setSeed.isPending}>
            {t("fair.save")}
          </Button>
        </div>
      </form>
      {setSeed.error ? <Notice tone="danger">{errorMessage(setSeed.error)}</Notice> : null}
      <Button variant="secondary" isBusy={rotate.isPending} onClick={() => rotate.mutate({})} data-testid="rotate-seed">
        {t("fair.rotate")}
      </Button>
      {rotate.error ? <Notice tone="danger">{errorMessage(rotate.error)}</Notice> : null}
      {previous ? (
        <div className="text-sm" data-testid="previous-seed">
          <p className="text-muted">{t("fair.previous", { count: previous.nonceCount })}</p>
          <p className={mono} dir="ltr">
            {previous.serverSeed}
          </p>
        </div>
      ) : null}
      <div className="flex flex-col gap-2 border-felt-700 border-t pt-3">
        {verifiable ? (
          <>
            <Button onClick={() => void verify()} data-testid="verify-round">
              {t("fair.verifyRound")}
            </Button>
            {verifierHref ? (
              <a href={verifierHref} className="text-sm underline">
                {t("fair.openVerifier")}
              </a>
            ) : null}
          </>
        ) : (
          <p className="text-muted text-sm">{t("fair.pending")}</p>
        )}
        {verdict ? (
          <Notice tone={verdict.isMatch ? "success" : "danger"} testId="verify-verdict">
            <span data-match={verdict.isMatch}>{verdict.isMatch ? t("fair.match") : t("fair.mismatch")}</span>
          </Notice>
        ) : null}
        {verifyError ? <Notice tone="danger">{errorMessage(verifyError)}</Notice> : null}
      </div>
    </section>
  );
};
