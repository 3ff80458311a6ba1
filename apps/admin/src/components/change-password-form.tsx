"use client";

import { Button, Notice, TextField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";

export const ChangePasswordForm = () => {
  const trpc = useTRPC();
  const change = useMutation(trpc.admin.account.changePassword.mutationOptions());
  return (
    <form
      className="grid max-w-md gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        change.mutate(
          { currentPassword: String(data.get("currentPassword")), newPassword: String(data.get("newPassword")) },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <TextField
        label={en.signIn.password}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        label={en.signIn.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      {change.error ? <Notice tone="danger">{errorMessage(change.error)}</Notice> : null}
      {change.isSuccess ? <Notice tone="success">{en.common.saved}</Notice> : null}
      <Button type="submit" isBusy={change.isPending}>
        {en.signIn.savePassword}
      </Button>
    </form>
  );
};
