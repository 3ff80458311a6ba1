import { en } from "~/i18n/en";

/** The message for a failed call: its stable domain code, translated; never the server's raw message. */
export const errorMessage = (error: unknown): string => {
  const code = (error as { data?: { domainCode?: string } } | null)?.data?.domainCode;
  return (code && en.errors[code]) || en.errors.INTERNAL || "";
};

export const errorCode = (error: unknown): string | undefined =>
  (error as { data?: { domainCode?: string } } | null)?.data?.domainCode;
