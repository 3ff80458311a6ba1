import { getPlayer } from "../../domains/players/get-player";
import { addNote, addTag, removeTag } from "../../domains/players/notes-and-tags";
import { getBalances, getStatement } from "../../domains/players/player-money";
import { listPlayerRoundsForStaff } from "../../domains/players/player-rounds";
import { listPlayerSignIns, signOutPlayerEverywhere } from "../../domains/players/player-sessions";
import { getPlayerTimeline } from "../../domains/players/player-timeline";
import {
  addNoteInput,
  liftRestrictionInput,
  placeRestrictionInput,
  playerIdInput,
  playerRoundsInput,
  playerStatementInput,
  searchPlayersInput,
  signOutPlayerInput,
  tagInput,
} from "../../domains/players/players.schemas";
import { liftRestriction, placeRestriction, reopenAccount } from "../../domains/players/restrictions";
import { searchPlayers } from "../../domains/players/search-players";
import { createTRPCRouter, withPermission } from "../../trpc";

/** Player 360. */
export const adminPlayerRouter = createTRPCRouter({
  search: withPermission("player.read")
    .input(searchPlayersInput)
    .query(({ ctx, input }) => searchPlayers(ctx, input)),
  get: withPermission("player.read")
    .input(playerIdInput)
    .query(({ ctx, input }) => getPlayer(ctx, input)),
  timeline: withPermission("player.read")
    .input(playerIdInput)
    .query(({ ctx, input }) =>
      getPlayerTimeline(ctx, input, { includeMoney: ctx.staff.permissions.includes("wallet.read") }),
    ),
  rounds: withPermission("player.read")
    .input(playerRoundsInput)
    .query(({ ctx, input }) => listPlayerRoundsForStaff(ctx, input)),
  sessions: createTRPCRouter({
    list: withPermission("player.read")
      .input(playerIdInput)
      .query(({ ctx, input }) => listPlayerSignIns(ctx, input)),
    signOutEverywhere: withPermission("player.sessions")
      .input(signOutPlayerInput)
      .mutation(({ ctx, input }) => signOutPlayerEverywhere(ctx, input)),
  }),
  balances: withPermission("wallet.read")
    .input(playerIdInput)
    .query(({ ctx, input }) => getBalances(ctx, input)),
  statement: withPermission("wallet.read")
    .input(playerStatementInput)
    .query(({ ctx, input }) => getStatement(ctx, input)),
  note: createTRPCRouter({
    create: withPermission("player.note")
      .input(addNoteInput)
      .mutation(({ ctx, input }) => addNote(ctx, input)),
  }),
  tag: createTRPCRouter({
    add: withPermission("player.tag")
      .input(tagInput)
      .mutation(({ ctx, input }) => addTag(ctx, input)),
    remove: withPermission("player.tag")
      .input(tagInput)
      .mutation(({ ctx, input }) => removeTag(ctx, input)),
  }),
  restriction: createTRPCRouter({
    create: withPermission("player.restrict")
      .input(placeRestrictionInput)
      .mutation(({ ctx, input }) => placeRestriction(ctx, input)),
    lift: withPermission("player.restrict")
      .input(liftRestrictionInput)
      .mutation(({ ctx, input }) => liftRestriction(ctx, input)),
    reopen: withPermission("player.reopen")
      .input(liftRestrictionInput)
      .mutation(({ ctx, input }) => reopenAccount(ctx, input)),
  }),
});
