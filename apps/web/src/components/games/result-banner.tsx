"use client";

import { Notice } from "@pitboss/ui";
import type { ReactNode } from "react";
import { useErrorMessage, useT } from "~/i18n/client";
import { useMoney } from "../player-context";

type Round = { result: "WIN" | "LOSE" | "PUSH" | null; payoutMinor: bigint | null; currency: string };

/** The last round's result (announced to screen readers) or the refusal, translated by its domain code. */
export const ResultBanner = ({ round, error, detail }: { round?: Round; error?: unknown; detail?: ReactNode }) => {
  const t = useT("games");
  const money = useMoney();
  const errorMessage = useErrorMessage();
  if (error)
    return (
      <Notice tone="danger" testId="play-error">
        {errorMessage(error)}
      </Notice>
    );
  if (!round) return null;
  const tone = round.result === "WIN" ? "success" : "info";
  const text =
    round.result === "WIN"
      ? t("outcome.win", { amount: money(round.payoutMinor ?? 0n, { currency: round.currency }) })
      : round.result === "PUSH"
        ? t("outcome.push")
        : t("outcome.lose");
  return (
    <Notice tone={tone} testId="play-result">
      <span data-result={round.result}>{text}</span>
      {detail ? <span className="ms-2">{detail}</span> : null}
    </Notice>
  );
};
