"use client";

import { Button } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { useErrorMessage, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

/** Until the email is confirmed: a reminder with a button that mails a fresh link. */
export const VerifyBanner = () => {
  const t = useT("common");
  const errorMessage = useErrorMessage();
  const trpc = useTRPC();
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());
  return (
    <div className="border-chip-500/40 border-b bg-chip-500/10 px-4 py-2 text-sm" data-testid="verify-banner">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2">
        <span>{t("verifyBanner.text")}</span>
        {resend.isSuccess ? (
          <span role="status">{t("verifyBanner.sent")}</span>
        ) : (
          <Button size="sm" variant="secondary" isBusy={resend.isPending} onClick={() => resend.mutate()}>
            {t("verifyBanner.resend")}
          </Button>
        )}
        {resend.error ? <span role="alert">{errorMessage(resend.error)}</span> : null}
      </div>
    </div>
  );
};
