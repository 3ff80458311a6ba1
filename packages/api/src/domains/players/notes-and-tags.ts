import { DomainError } from "@pitboss/db";
import { writeAudit } from "../audit/write-audit";
import type { StaffDeps } from "../staff/staff.types";
import { findPlayerProfile } from "./players.repo";
import { type AddNoteInput, addNoteInput, type TagInput, tagInput } from "./players.schemas";

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/** A staff note on a player (append-only in practice: there is no edit or delete). */
export const addNote = async (deps: StaffDeps, rawInput: AddNoteInput) => {
  const input = addNoteInput.parse(rawInput);
  return deps.db.prisma.$transaction(async (tx) => {
    if (!(await findPlayerProfile(tx, input.playerId))) throw new DomainError("NOT_FOUND");
    const note = await tx.playerNote.create({
      data: {
        id: deps.newId("note"),
        playerId: input.playerId,
        authorId: deps.staff.id,
        body: input.body,
        createdAt: deps.now(),
      },
      select: { id: true, body: true, createdAt: true },
    });
    await writeAudit(tx, deps, deps.audit, {
      action: "player.note.create",
      targetType: "player",
      targetId: input.playerId,
      after: { noteId: note.id, body: note.body },
    });
    return note;
  });
};

/** Tags a player; tagging twice is a no-op. */
export const addTag = async (deps: StaffDeps, rawInput: TagInput) => {
  const input = tagInput.parse(rawInput);
  try {
    await deps.db.prisma.$transaction(async (tx) => {
      if (!(await findPlayerProfile(tx, input.playerId))) throw new DomainError("NOT_FOUND");
      await tx.playerTag.create({
        data: { playerId: input.playerId, tag: input.tag, createdBy: deps.staff.id, createdAt: deps.now() },
      });
      await writeAudit(tx, deps, deps.audit, {
        action: "player.tag.add",
        targetType: "player",
        targetId: input.playerId,
        after: { tag: input.tag },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { tag: input.tag, isNew: false };
  }
  return { tag: input.tag, isNew: true };
};

export const removeTag = async (deps: StaffDeps, rawInput: TagInput) => {
  const input = tagInput.parse(rawInput);
  return deps.db.prisma.$transaction(async (tx) => {
    const removed = await tx.playerTag.deleteMany({ where: { playerId: input.playerId, tag: input.tag } });
    if (removed.count === 0) return { tag: input.tag, isRemoved: false };
    await writeAudit(tx, deps, deps.audit, {
      action: "player.tag.remove",
      targetType: "player",
      targetId: input.playerId,
      before: { tag: input.tag },
    });
    return { tag: input.tag, isRemoved: true };
  });
};
