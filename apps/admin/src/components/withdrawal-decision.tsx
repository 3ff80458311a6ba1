"use client";

import { type PaymentStatus, type WithdrawalDecision, withdrawalDecisionsFor } from "@pitboss/api/client";
import { Button, Card, Notice, SelectField, TextAreaField, useRefetchAfterWrite } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { useCan } from "./me-context";
import { useFormatMoney } from "./money";

export type DecisionTarget = {
  id: string;
  status: PaymentStatus;
  amountMinor: bigint;
  currency: string;
  playerEmail: string;
};
/** The decisions that open a form; approving needs nothing more and happens at once. */
export type DecisionMode = Exclude<WithdrawalDecision, "approve">;

const useRefreshPayments = () => {
  const trpc = useTRPC();
  const refetchAfterWrite = useRefetchAfterWrite();
  return () => refetchAfterWrite(trpc.admin.payments.pathKey());
};

/** Approve at once; reject and resolve open their form (a reason or an outcome, and a note, are required). */
export const WithdrawalActions = ({
  target,
  onOpen,
}: {
  target: DecisionTarget;
  onOpen: (mode: DecisionMode) => void;
}) => {
  const trpc = useTRPC();
  const can = useCan();
  const refresh = useRefreshPayments();
  const approve = useMutation(trpc.admin.payments.approve.mutationOptions({ onSettled: refresh }));
  if (!can("payments.approve")) return null;
  const decisions = withdrawalDecisionsFor(target.status);
  return (
    <span className="flex flex-wrap gap-1">
      {decisions.includes("approve") ? (
        <Button size="sm" isBusy={approve.isPending} onClick={() => approve.mutate({ paymentId: target.id })}>
          {en.withdrawals.approve}
        </Button>
      ) : null}
      {decisions.includes("reject") ? (
        <Button size="sm" variant="secondary" onClick={() => onOpen("reject")}>
          {en.withdrawals.reject}
        </Button>
      ) : null}
      {decisions.includes("resolve") ? (
        <Button size="sm" variant="secondary" onClick={() => onOpen("resolve")}>
          {en.withdrawals.resolve}
        </Button>
      ) : null}
      {approve.error ? (
        <span role="alert" className="text-danger text-xs">
          {errorMessage(approve.error)}
        </span>
      ) : null}
    </span>
  );
};

/** The reject or resolve form for one withdrawal; it takes the focus when it opens. */
export const WithdrawalDecisionForm = ({
  target,
  mode,
  onClose,
}: {
  target: DecisionTarget;
  mode: DecisionMode;
  onClose: () => void;
}) => {
  const trpc = useTRPC();
  const refresh = useRefreshPayments();
  const formatMoney = useFormatMoney();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reasonCode, setReasonCode] = useState("");
  const [outcome, setOutcome] = useState<"PAID" | "FAILED" | "">("");
  const [note, setNote] = useState("");
  const done = { onSuccess: () => void refresh().then(onClose) };
  const reject = useMutation(trpc.admin.payments.reject.mutationOptions(done));
  const resolve = useMutation(trpc.admin.payments.resolveHeld.mutationOptions(done));
  const mutation = mode === "reject" ? reject : resolve;
  useEffect(() => heading.current?.focus(), []);

  const amount = formatMoney(target.amountMinor, target.currency);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mode === "reject") {
      reject.mutate({
        paymentId: target.id,
        reasonCode: reasonCode as Parameters<typeof reject.mutate>[0]["reasonCode"],
        ...(note.trim() ? { note: note.trim() } : {}),
      });
    } else if (outcome) {
      resolve.mutate({ paymentId: target.id, outcome, note: note.trim() });
    }
  };

  return (
    <Card>
      <h2 ref={heading} tabIndex={-1} className="mb-2 font-semibold text-lg outline-none">
        {format(mode === "reject" ? en.withdrawals.rejectTitle : en.withdrawals.resolveTitle, {
          amount,
          email: target.playerEmail,
        })}
      </h2>
      <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-3" data-testid={`decision-${mode}`}>
        {mode === "reject" ? (
          <SelectField
            label={en.withdrawals.reasonCode}
            required
            value={reasonCode}
            onChange={(event) => setReasonCode(event.target.value)}
            options={[
              { value: "", label: "—" },
              ...Object.entries(en.rejectionReasons).map(([value, label]) => ({ value, label })),
            ]}
          />
        ) : (
          <>
            <p className="text-muted text-sm">{en.withdrawals.resolveHelp}</p>
            <SelectField
              label={en.withdrawals.outcome}
              required
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as typeof outcome)}
              options={[
                { value: "", label: "—" },
                { value: "PAID", label: en.withdrawals.outcomePaid },
                { value: "FAILED", label: en.withdrawals.outcomeFailed },
              ]}
            />
          </>
        )}
        <TextAreaField
          label={en.withdrawals.note}
          value={note}
          required={mode === "resolve"}
          onChange={(event) => setNote(event.target.value)}
        />
        {mutation.error ? <Notice tone="danger">{errorMessage(mutation.error)}</Notice> : null}
        <span className="flex gap-2">
          <Button
            type="submit"
            variant={mode === "reject" ? "danger" : "primary"}
            isBusy={mutation.isPending}
            disabled={mode === "reject" ? reasonCode === "" : outcome === "" || note.trim().length < 3}
          >
            {mode === "reject" ? en.withdrawals.confirmReject : en.withdrawals.confirmResolve}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            {en.common.cancel}
          </Button>
        </span>
      </form>
    </Card>
  );
};
