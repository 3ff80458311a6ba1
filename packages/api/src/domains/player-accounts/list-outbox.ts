import type { ServiceDeps } from "../../deps";

/** The newest mails in the outbox (the demo's stand-in for a mailbox), optionally for one address. */
export const listOutbox = async (deps: Pick<ServiceDeps, "db">, { to }: { to?: string } = {}) =>
  deps.db.prisma.mailOutbox.findMany({
    where: to ? { toAddress: to.trim().toLowerCase() } : {},
    select: {
      id: true,
      toAddress: true,
      template: true,
      subject: true,
      bodyText: true,
      actionPath: true,
      createdAt: true,
    },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
