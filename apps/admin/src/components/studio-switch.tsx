"use client";

import { Button, Card, Notice, TextAreaField } from "@pitboss/ui";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";

/**
 * The confirmation step of a studio switch (a provider's kill switch, or one game): what it does, a required reason
 * for the audit trail, confirm or cancel. It takes the focus when it opens.
 */
export const StudioSwitchConfirm = ({
  title,
  help,
  confirmLabel,
  isOff,
  isBusy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  help: string;
  confirmLabel: string;
  isOff: boolean;
  isBusy: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) => {
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState("");
  useEffect(() => heading.current?.focus(), []);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onConfirm(reason.trim());
  };
  return (
    <Card>
      <h2 ref={heading} tabIndex={-1} className="mb-2 font-semibold text-lg outline-none">
        {title}
      </h2>
      <p className="mb-3 text-muted text-sm">{help}</p>
      <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-3" data-testid="studio-switch-confirm">
        <TextAreaField
          label={en.studios.reason}
          required
          minLength={3}
          maxLength={500}
          rows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {error ? <Notice tone="danger">{errorMessage(error)}</Notice> : null}
        <span className="flex gap-2">
          <Button type="submit" variant={isOff ? "danger" : "primary"} isBusy={isBusy}>
            {confirmLabel}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {en.common.cancel}
          </Button>
        </span>
      </form>
    </Card>
  );
};
