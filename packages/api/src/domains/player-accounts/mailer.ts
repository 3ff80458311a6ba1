import type { Db } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";

/** A mail the accounts domain sends; `actionPath` is site-relative (the sender makes it absolute). */
export type OutgoingMail = {
  playerId: string | null;
  to: string;
  template: "verify-email" | "reset-password" | "password-changed";
  locale: string;
  subject: string;
  text: string;
  actionPath: string | null;
};

/** The mail port: the outbox below today, an SMTP sender when one is configured. */
export type Mailer = { send: (mail: OutgoingMail) => Promise<void> };

/** Writes mail to the `mail_outbox` table (shown by the demo at /dev/outbox; an SMTP relay can drain it). */
export const outboxMailer = (deps: Pick<ServiceDeps, "newId" | "now"> & { db: Db }): Mailer => ({
  send: async (mail) => {
    await deps.db.prisma.mailOutbox.create({
      data: {
        id: deps.newId("mail"),
        playerId: mail.playerId,
        toAddress: mail.to,
        template: mail.template,
        locale: mail.locale,
        subject: mail.subject,
        bodyText: mail.text,
        actionPath: mail.actionPath,
        createdAt: deps.now(),
      },
    });
  },
});

/** Services of this domain take the shared deps and, optionally, a mailer (default: the outbox). */
export type AccountDeps = ServiceDeps & { mailer?: Mailer };

export const mailerOf = (deps: AccountDeps): Mailer => deps.mailer ?? outboxMailer(deps);

/** Plain-text templates (English for now; the template and locale are stored so a sender can localise). */
export const mailTemplates = {
  verifyEmail: (displayName: string, path: string) => ({
    template: "verify-email" as const,
    subject: "Confirm your email address",
    text: `Hi ${displayName},\n\nconfirm your email address for Pitboss by opening this link within 24 hours:\n${path}\n\nIf you did not sign up, ignore this mail.`,
    actionPath: path,
  }),
  resetPassword: (displayName: string, path: string) => ({
    template: "reset-password" as const,
    subject: "Reset your password",
    text: `Hi ${displayName},\n\nset a new Pitboss password by opening this link within one hour:\n${path}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.`,
    actionPath: path,
  }),
  passwordChanged: (displayName: string) => ({
    template: "password-changed" as const,
    subject: "Your password was changed",
    text: `Hi ${displayName},\n\nyour Pitboss password was just changed and every device was signed out. If this was not you, reset your password at once and contact support.`,
    actionPath: null,
  }),
};
