"use client";

import { Button, Notice, TextField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { en } from "~/i18n/en";
import { errorMessage } from "~/lib/errors";
import { useTRPC } from "~/trpc/react";
import { RecoveryCodes } from "./recovery-codes";

type Stage = "password" | "totp" | "enrol" | "recovery-codes" | "recover" | "change-password";

const done = () => window.location.assign("/");
const codeProps = {
  inputMode: "numeric",
  autoComplete: "one-time-code",
  pattern: "[0-9]{6}",
  maxLength: 6,
  required: true,
  autoFocus: true,
} as const;

/** Where a reload lands, from the session's stage (`admin.auth.me`); no session starts at the password step. */
const stageAfterReload: Record<string, Stage> = {
  "signed-out": "password",
  totp: "totp",
  enrol: "enrol",
  password: "change-password",
};

/** The sign-in steps as one small state machine; every step is a form that submits on Enter. */
export const SignInFlow = ({ initialStage }: { initialStage: string }) => {
  const [stage, setStage] = useState<Stage>(stageAfterReload[initialStage] ?? "password");
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>([]);
  return (
    <div className="flex flex-col gap-3" data-testid={`sign-in-${stage}`}>
      {stage === "password" ? <PasswordStep onNext={setStage} /> : null}
      {stage === "totp" ? <TotpStep onRecover={() => setStage("recover")} /> : null}
      {stage === "recover" ? <RecoverStep onBack={() => setStage("totp")} /> : null}
      {stage === "enrol" ? (
        <EnrolStep
          onEnrolled={(codes) => {
            setRecoveryCodes(codes);
            setStage("recovery-codes");
          }}
        />
      ) : null}
      {stage === "recovery-codes" ? <RecoveryCodes codes={recoveryCodes} onDone={done} /> : null}
      {stage === "change-password" ? <ChangePasswordStep /> : null}
    </div>
  );
};

const PasswordStep = ({ onNext }: { onNext: (stage: Stage) => void }) => {
  const trpc = useTRPC();
  const signIn = useMutation(trpc.admin.auth.signIn.mutationOptions({ onSuccess: ({ next }) => onNext(next) }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    signIn.mutate({ email: String(data.get("email")), password: String(data.get("password")) });
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-3">
      <TextField label={en.signIn.email} name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label={en.signIn.password} name="password" type="password" autoComplete="current-password" required />
      {signIn.error ? <Notice tone="danger">{errorMessage(signIn.error)}</Notice> : null}
      <Button type="submit" isBusy={signIn.isPending}>
        {en.signIn.submit}
      </Button>
    </form>
  );
};

const TotpStep = ({ onRecover }: { onRecover: () => void }) => {
  const trpc = useTRPC();
  const verify = useMutation(trpc.admin.auth.mfa.verify.mutationOptions({ onSuccess: done }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        verify.mutate({ code: String(new FormData(event.currentTarget).get("code")) });
      }}
      className="flex flex-col gap-3"
    >
      <h3 className="font-semibold">{en.signIn.totpTitle}</h3>
      <p className="text-muted text-sm">{en.signIn.totpHelp}</p>
      <TextField label={en.signIn.code} name="code" {...codeProps} />
      {verify.error ? <Notice tone="danger">{errorMessage(verify.error)}</Notice> : null}
      <Button type="submit" isBusy={verify.isPending}>
        {en.signIn.verify}
      </Button>
      <Button variant="ghost" size="sm" onClick={onRecover}>
        {en.signIn.useRecovery}
      </Button>
    </form>
  );
};

const RecoverStep = ({ onBack }: { onBack: () => void }) => {
  const trpc = useTRPC();
  const recover = useMutation(trpc.admin.auth.mfa.recover.mutationOptions({ onSuccess: done }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        recover.mutate({ code: String(new FormData(event.currentTarget).get("code")) });
      }}
      className="flex flex-col gap-3"
    >
      <TextField
        label={en.signIn.recoveryCode}
        name="code"
        hint={en.signIn.recoveryHelp}
        autoComplete="off"
        required
        autoFocus
      />
      {recover.error ? <Notice tone="danger">{errorMessage(recover.error)}</Notice> : null}
      <Button type="submit" isBusy={recover.isPending}>
        {en.signIn.verify}
      </Button>
      <Button variant="ghost" size="sm" onClick={onBack}>
        {en.signIn.useTotp}
      </Button>
    </form>
  );
};

const EnrolStep = ({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) => {
  const trpc = useTRPC();
  const start = useMutation(trpc.admin.auth.mfa.enrolStart.mutationOptions());
  const confirm = useMutation(
    trpc.admin.auth.mfa.enrolConfirm.mutationOptions({ onSuccess: ({ recoveryCodes }) => onEnrolled(recoveryCodes) }),
  );
  const { mutate: startEnrolment } = start;
  const hasStarted = useRef(false);
  useEffect(() => {
    // Once per mount (a second call would replace the secret the QR code shows).
    if (hasStarted.current) return;
    hasStarted.current = true;
    startEnrolment();
  }, [startEnrolment]);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        confirm.mutate({ code: String(new FormData(event.currentTarget).get("code")) });
      }}
      className="flex flex-col gap-3"
    >
      <h3 className="font-semibold">{en.signIn.enrolTitle}</h3>
      <p className="text-muted text-sm">{en.signIn.enrolHelp}</p>
      {start.data ? (
        <div className="flex flex-col items-center gap-2">
          {/* biome-ignore lint/performance/noImgElement: a data URL generated per enrolment, nothing to optimise */}
          <img
            src={start.data.qrDataUrl}
            alt={en.signIn.qrAlt}
            width={220}
            height={220}
            className="rounded bg-white p-1"
          />
          <p className="text-muted text-xs">{en.signIn.manualKey}</p>
          <code data-testid="totp-secret" className="break-all font-mono text-sm tracking-wider">
            {start.data.secret}
          </code>
        </div>
      ) : null}
      {start.error ? <Notice tone="danger">{errorMessage(start.error)}</Notice> : null}
      <TextField label={en.signIn.code} name="code" {...codeProps} />
      {confirm.error ? <Notice tone="danger">{errorMessage(confirm.error)}</Notice> : null}
      <Button type="submit" isBusy={confirm.isPending} disabled={!start.data}>
        {en.signIn.confirm}
      </Button>
    </form>
  );
};

const ChangePasswordStep = () => {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.admin.account.changePassword.mutationOptions({ onSuccess: done }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const newPassword = String(data.get("newPassword"));
        setMismatch(newPassword !== String(data.get("repeatPassword")));
        if (newPassword === String(data.get("repeatPassword"))) {
          change.mutate({ currentPassword: String(data.get("currentPassword")), newPassword });
        }
      }}
      className="flex flex-col gap-3"
    >
      <h3 className="font-semibold">{en.signIn.passwordTitle}</h3>
      <p className="text-muted text-sm">{en.signIn.passwordHelp}</p>
      <TextField
        label={en.signIn.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
      />
      <TextField
        label={en.signIn.newPassword}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      <TextField
        label={en.signIn.repeatPassword}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
        error={mismatch ? en.signIn.passwordsDiffer : undefined}
      />
      {change.error ? <Notice tone="danger">{errorMessage(change.error)}</Notice> : null}
      <Button type="submit" isBusy={change.isPending}>
        {en.signIn.savePassword}
      </Button>
    </form>
  );
};
