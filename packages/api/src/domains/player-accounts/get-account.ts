import { DomainError, exponentOf } from "@pitboss/db";
import type { ServiceDeps } from "../../deps";
import { parseInput } from "../parse-input";
import { findPlayerById } from "./player-accounts.repo";
import { type UpdatePreferencesInput, updatePreferencesInput } from "./player-accounts.schemas";

const toAccountView = (player: NonNullable<Awaited<ReturnType<typeof findPlayerById>>>) => ({
  id: player.id,
  email: player.email,
  displayName: player.displayName,
  country: player.country,
  currency: player.currency,
  /** Decimal places of the currency's minor unit, for formatting amounts. */
  currencyExponent: exponentOf(player.currency),
  locale: player.locale,
  timeZone: player.timeZone,
  isEmailVerified: player.emailVerifiedAt !== null,
  createdAt: player.createdAt,
});

export type AccountView = ReturnType<typeof toAccountView>;

/** The signed-in player's own account (never the password hash or session version). */
export const getAccount = async (deps: Pick<ServiceDeps, "db">, { playerId }: { playerId: string }) => {
  const player = await findPlayerById(deps.db.prisma, playerId);
  if (!player) throw new DomainError("NOT_FOUND");
  return toAccountView(player);
};

/** Language and time zone the site and mails use for the player. */
export const updatePreferences = async (
  deps: Pick<ServiceDeps, "db">,
  rawInput: UpdatePreferencesInput & { playerId: string },
) => {
  const { playerId, ...raw } = rawInput;
  const input = parseInput(updatePreferencesInput, raw);
  await deps.db.prisma.player.update({ where: { id: playerId }, data: input, select: { id: true } });
  return getAccount(deps, { playerId });
};
