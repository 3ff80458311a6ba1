"use client";

import { Button, Notice, SelectField, TextField } from "@pitboss/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState, useTransition } from "react";
import { signInAction } from "~/app/actions";
import { domainCodeOf, useErrorMessage, useLocale, useT } from "~/i18n/client";
import { useTRPC } from "~/trpc/react";

type Field = "email" | "password" | "displayName" | "dateOfBirth" | "country" | "currency";

/** Which field a refusal belongs to, so the message appears next to it as well as at the top. */
const fieldOfCode: Record<string, Field> = { UNDERAGE: "dateOfBirth", EMAIL_TAKEN: "email", WEAK_PASSWORD: "password" };

export const SignUpForm = ({
  countries,
  currencies,
}: {
  countries: readonly string[];
  currencies: readonly string[];
}) => {
  const t = useT("auth");
  const errorMessage = useErrorMessage();
  const { locale } = useLocale();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [isSigningIn, startSignIn] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const regionName = new Intl.DisplayNames([locale], { type: "region" });
  const currencyNames = new Intl.DisplayNames([locale], { type: "currency" });
  // Intl names ISO codes only; crypto codes such as USDT are shown as they are.
  const currencyName = (code: string) => (/^[A-Z]{3}$/.test(code) ? (currencyNames.of(code) ?? code) : code);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: Field) => String(form.get(name) ?? "");
    setFieldErrors({});
    signUp.mutate(
      {
        email: value("email"),
        password: value("password"),
        displayName: value("displayName"),
        dateOfBirth: value("dateOfBirth"),
        country: value("country") as never,
        currency: value("currency") as never,
        locale,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
      {
        onSuccess: () => {
          const credentials = new FormData();
          credentials.set("email", value("email"));
          credentials.set("password", value("password"));
          credentials.set("next", "/wallet");
          startSignIn(async () => {
            await signInAction({}, credentials);
          });
        },
        onError: (error) => {
          const code = domainCodeOf(error) ?? "";
          const zodFields = (error.data as { zodError?: { fieldErrors?: Record<string, string[]> } } | undefined)
            ?.zodError?.fieldErrors;
          const next: Partial<Record<Field, string>> = {};
          const field = fieldOfCode[code];
          if (field) next[field] = errorMessage(error);
          for (const name of Object.keys(zodFields ?? {})) next[name as Field] = t(`invalid.${name}`);
          setFieldErrors(next);
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      {signUp.error ? (
        <Notice tone="danger" testId="form-error">
          {errorMessage(signUp.error)}
        </Notice>
      ) : null}
      <TextField
        label={t("field.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        error={fieldErrors.email}
      />
      <TextField
        label={t("field.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("signUp.passwordHint")}
        error={fieldErrors.password}
      />
      <TextField
        label={t("field.displayName")}
        name="displayName"
        autoComplete="nickname"
        required
        minLength={2}
        maxLength={40}
        error={fieldErrors.displayName}
      />
      <TextField
        label={t("field.dateOfBirth")}
        name="dateOfBirth"
        type="date"
        autoComplete="bday"
        required
        hint={t("signUp.ageNotice")}
        error={fieldErrors.dateOfBirth}
      />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t("field.country")}
          name="country"
          defaultValue={countries[0]}
          options={countries.map((code) => ({ value: code, label: regionName.of(code) ?? code }))}
          error={fieldErrors.country}
        />
        <SelectField
          label={t("field.currency")}
          name="currency"
          defaultValue={currencies[0]}
          options={currencies.map((code) => ({
            value: code,
            label: code === currencyName(code) ? code : `${code} · ${currencyName(code)}`,
          }))}
          error={fieldErrors.currency}
        />
      </div>
      <Button type="submit" isBusy={signUp.isPending || isSigningIn} className="py-2">
        {t("signUp.submit")}
      </Button>
    </form>
  );
};
