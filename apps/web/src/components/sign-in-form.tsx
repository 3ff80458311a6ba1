"use client";

import { Button, Notice, TextField } from "@pitboss/ui";
import { useActionState } from "react";
import { type SignInState, signInAction } from "~/app/actions";
import { useErrorMessage, useT } from "~/i18n/client";

export const SignInForm = ({ next }: { next: string }) => {
  const t = useT("auth");
  const errorMessage = useErrorMessage();
  const [state, action, isPending] = useActionState<SignInState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.code ? (
        <Notice tone="danger" testId="form-error">
          {errorMessage({ data: { domainCode: state.code } })}
        </Notice>
      ) : null}
      <TextField label={t("field.email")} name="email" type="email" autoComplete="email" required />
      <TextField label={t("field.password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" isBusy={isPending} className="py-2">
        {t("signIn.submit")}
      </Button>
    </form>
  );
};
