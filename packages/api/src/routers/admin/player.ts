import { getPlayer } from "../../domains/players/get-player";
import { addNote, addTag, removeTag } from "../../domains/players/notes-and-tags";
import { getBalances, getStatement } from "../../domains/players/player-money";
import { getPlayerTimeline } from "../../domains/players/player-timeline";
import {
  addNoteInput,
  liftRestrictionInput,
  placeRestrictionInput,
  playerIdInput,
  playerStatementInput,
  searchPlayersInput,
  tagInput,
} from "../../domains/players/players.schemas";
import { liftRestriction, placeRestriction } from "../../domains/players/restrictions";
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
  }),
});
