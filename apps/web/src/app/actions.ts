"use server";

import { cookies } from "next/headers";
import { CredentialsSignin } from "next-auth";
import { signIn, signOut } from "~/auth";
import { isLocale, localeCookie } from "~/i18n/config";
import { playerApi } from "~/trpc/server";

export type SignInState = { code?: string };

/** Only same-site paths: a crafted `next` must never send a player to another site after sign-in. */
const safePath = (value: FormDataEntryValue | null) => {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
};

/** Sign-in through Auth.js; a refusal comes back as its domain code, which the form translates. */
export const signInAction = async (_previous: SignInState, formData: FormData): Promise<SignInState> => {
  try {
    await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirectTo: safePath(formData.get("next")),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin) return { code: error.code || "INVALID_CREDENTIALS" };
    if (error instanceof Error && error.name === "AuthError") return { code: "INTERNAL" };
    throw error; // the redirect after a successful sign-in
  }
  return {};
};

export const signOutAction = async () => {
  await signOut({ redirectTo: "/" });
};

/** Ends every session of the player (all devices), then this one. */
export const signOutEverywhereAction = async () => {
  await (await playerApi()).account.signOutEverywhere();
  await signOut({ redirectTo: "/sign-in" });
};

/** The language switcher: a year-long cookie, and the player's preference (for mails) when signed in. */
export const setLocaleAction = async (locale: string) => {
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  const trpc = await playerApi();
  await trpc.account.updatePreferences({ locale }).catch(() => undefined);
};
