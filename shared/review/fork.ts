import type { GameRecord } from '../record.ts';

/**
 * A new game that starts where `parent` stood after `step` entries: its record begins
 * with those entries unchanged, so replaying it reaches the same state, and play goes on
 * from there. Same scenario, version and seed: hidden parameters and chance events stay
 * what they were, and only the choices made from here on can differ.
 */
export function forkRecord(parent: GameRecord, step: number, gameId: string, createdAt: number): GameRecord {
  if (!Number.isInteger(step) || step < 0 || step > parent.entries.length) {
    throw new RangeError(`step ${step} is outside the parent's record (0..${parent.entries.length})`);
  }
  return {
    gameId,
    scenarioId: parent.scenarioId,
    scenarioVersion: parent.scenarioVersion,
    seed: parent.seed,
    createdAt,
    parent: { gameId: parent.gameId, step },
    entries: structuredClone(parent.entries.slice(0, step)),
  };
}
