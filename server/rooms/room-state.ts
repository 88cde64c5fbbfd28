import { schema, t } from '@colyseus/schema';
import type { SchemaType } from '@colyseus/schema';

/**
 * The small public part of a game that Colyseus keeps in sync by itself. Everything a
 * seat may see, including its secrets, travels in the per-client 'view' message instead.
 */
export const GameRoomState = schema(
  {
    phase: t.string(),
    round: t.uint16(),
    version: t.uint32(),
    /** Epoch ms when the phase ends; 0 when no timer runs. */
    deadline: t.float64(),
    /** The instructor holds the phase clock: no deadline runs, the phase waits. */
    paused: t.boolean(),
  },
  'GameRoomState',
);
export type GameRoomState = SchemaType<typeof GameRoomState>;
