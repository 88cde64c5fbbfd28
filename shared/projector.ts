import { z } from 'zod';
import { SessionPhase } from './session.ts';
import type { SessionView } from './session.ts';

/**
 * What the projector shows the room: only what anyone holding the join code may know.
 * No names, no secrets, no seat's position: a count of students, and each table's round
 * and phase once the class runs.
 */
export const ProjectorBoard = z.object({
  code: z.string(),
  scenarioId: z.string(),
  phase: SessionPhase,
  students: z.number().int().min(0),
  connected: z.number().int().min(0),
  tables: z.array(z.object({ table: z.string(), round: z.number().int(), phase: z.string(), paused: z.boolean() })),
});
export type ProjectorBoard = z.infer<typeof ProjectorBoard>;

/** The instructor's view of the class cut down to the projector's. */
export function projectorBoard(view: SessionView): ProjectorBoard {
  return {
    code: view.code,
    scenarioId: view.scenarioId,
    phase: view.phase,
    students: view.roster.length,
    connected: view.roster.filter((student) => student.connected).length,
    tables: view.tables.map((t) => ({ table: t.table, round: t.round, phase: t.phase, paused: t.paused })),
  };
}
