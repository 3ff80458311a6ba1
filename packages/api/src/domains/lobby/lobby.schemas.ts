import { z } from "zod";

export const gameSlugInput = z.object({ slug: z.string().min(1).max(64) }).strict();
export type GameSlugInput = z.input<typeof gameSlugInput>;
