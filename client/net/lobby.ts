import { z } from 'zod';

/**
 * What `GET /api/games/:id` tells a newcomer: the game's scenario, where it stands, and
 * which seats are free. Read leniently (extra fields are ignored) since only these matter here.
 */
export const GameLobby = z.object({
  gameId: z.string(),
  scenarioId: z.string(),
  phase: z.string().optional(),
  round: z.number().optional(),
  seats: z.array(
    z.object({
      id: z.string(),
      name: z.object({ en: z.string(), es: z.string() }),
      taken: z.boolean(),
    }),
  ),
});
export type GameLobby = z.infer<typeof GameLobby>;
