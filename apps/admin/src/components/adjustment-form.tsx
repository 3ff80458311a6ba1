"use client";

import { Badge, Button, Card, Notice, SelectField, TextField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { en } from "~/i18n/en";
import { format } from "~/i18n/format";
import { errorMessage } from "~/lib/errors";
import { formatMinor } from "~/lib/money";
import { useTRPC } from "~/trpc/react";
import { useMe } from "./me-context";
import { useInvalidatePlayer } from "./use-invalidate-player";

const reasons = Object.keys(en.adjustmentReasons) as (keyof typeof en.adjustmentReasons)[];

/** Requests a manual adjustment; above the four-eyes threshold it waits for a second approver. */
export const AdjustmentForm = ({ playerId, currency }: { playerId: string; currency: string }) => {
  const trpc = useTRPC();
  const me = useMe();
  const invalidate = useInvalidatePlayer();
  // One key per form submit: a double click or a retry returns the same request.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation(
    trpc.admin.adjustment.create.mutationOptions({
      onSuccess: () => {
        setIdempotencyKey(crypto.randomUUID());
        return invalidate();
      },
    }),
  );
  const currencies = Object.keys(me.currencyExponents);
  return (
    <Card title={en.player.adjust}>
      <form
        data-testid="adjustment-form"
        className="grid gap-2 sm:grid-cols-2"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          create.mutate({
            playerId,
            currency: String(data.get("currency")),
            amount: String(data.get("amount")),
            reasonCode: String(data.get("reasonCode")) as (typeof reasons)[number],
            note: String(data.get("note")),
            idempotencyKey,
          });
        }}
      >
        <TextField label={en.player.adjustAmount} name="amount" inputMode="decimal" required pattern="-?\d+(\.\d+)?" />
        <SelectField
          label={en.player.adjustCurrency}
          name="currency"
          defaultValue={currency}
          options={currencies.map((code) => ({ value: code, label: code }))}
        />
        <SelectField
          label={en.player.adjustReason}
          name="reasonCode"
          options={reasons.map((reason) => ({ value: reason, label: en.adjustmentReasons[reason] }))}
        />
        <TextField label={en.player.adjustNote} name="note" required minLength={3} maxLength={1000} />
        <Button type="submit" isBusy={create.isPending} className="sm:col-span-2">
          {en.player.adjustSubmit}
        </Button>
      </form>
      {create.error ? <Notice tone="danger">{errorMessage(create.error)}</Notice> : null}
      {create.data ? (
        <div className="mt-2" data-testid="adjustment-result">
          <Notice
            tone={create.data.status === "FAILED" ? "danger" : create.data.status === "PENDING" ? "warning" : "success"}
          >
            <span className="flex flex-wrap items-center gap-2">
              {format(en.player.adjustResult, { status: en.statuses[create.data.status] })}
              <Badge>{formatMinor(create.data.amountMinor, create.data.currency, create.data.exponent)}</Badge>
            </span>
            {create.data.status === "PENDING" ? <p>{en.player.adjustPending}</p> : null}
            {create.data.failureCode ? <p>{en.errors[create.data.failureCode]}</p> : null}
          </Notice>
        </div>
      ) : null}
    </Card>
  );
};
