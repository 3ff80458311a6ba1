"use client";

import { Button, Notice, TextField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useErrorMessage, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

/** Confirming needs a click: mail scanners that prefetch links must not verify (or burn) the token. */
export const VerifyEmailForm = ({ token }: { token: string }) => {
  const t = useT("auth");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const verify = useMutation(trpc.account.verifyEmail.mutationOptions());
  if (verify.isSuccess) {
    return (
      <div className="flex flex-col gap-3">
        <Notice tone="success" testId="verify-done">
          {t("verify.done")}
        </Notice>
        <a href="/wallet" className="underline">
          {t("verify.continue")}
        </a>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {verify.error ? <Notice tone="danger">{errorMessage(verify.error)}</Notice> : null}
      <p>{t("verify.body")}</p>
      <Button isBusy={verify.isPending} onClick={() => verify.mutate({ token })} className="py-2">
        {t("verify.submit")}
      </Button>
    </div>
  );
};

export const ForgotPasswordForm = () => {
  const t = useT("auth");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get("email") ?? "") });
  };
  if (request.isSuccess) return <Notice tone="success">{t("forgot.sent")}</Notice>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      {request.error ? <Notice tone="danger">{errorMessage(request.error)}</Notice> : null}
      <p>{t("forgot.body")}</p>
      <TextField label={t("field.email")} name="email" type="email" autoComplete="email" required />
      <Button type="submit" isBusy={request.isPending} className="py-2">
        {t("forgot.submit")}
      </Button>
    </form>
  );
};

export const ResetPasswordForm = ({ token }: { token: string }) => {
  const t = useT("auth");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate({ token, password: String(new FormData(event.currentTarget).get("password") ?? "") });
  };
  if (reset.isSuccess) {
    return (
      <Notice tone="success">
        {t("reset.done")}{" "}
        <a href="/sign-in" className="underline">
          {t("signIn.title")}
        </a>
      </Notice>
    );
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      {reset.error ? <Notice tone="danger">{errorMessage(reset.error)}</Notice> : null}
      <TextField
        label={t("reset.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("signUp.passwordHint")}
      />
      <Button type="submit" isBusy={reset.isPending} className="py-2">
        {t("reset.submit")}
      </Button>
    </form>
  );
};
