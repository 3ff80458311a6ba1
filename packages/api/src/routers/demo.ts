import { z } from "zod";
import { isDemoMode } from "../demo-mode";
import { listOutbox } from "../domains/player-accounts/list-outbox";
import { DomainError } from "../errors";
import { createTRPCRouter, publicProcedure } from "../trpc";

/** Demo-only procedures: they answer NOT_FOUND on a real site (PITBOSS_DEMO unset in production). */
const demoProcedure = publicProcedure.use(({ next }) => {
  if (!isDemoMode()) throw new DomainError("NOT_FOUND");
  return next();
});

export const demoRouter = createTRPCRouter({
  /** The mail outbox: what an SMTP server would have delivered (verification and reset links). */
  outbox: demoProcedure
    .input(z.object({ to: z.string().max(320).optional() }).strict())
    .query(({ ctx, input }) => listOutbox(ctx, input)),
  isEnabled: publicProcedure.query(() => isDemoMode()),
});
