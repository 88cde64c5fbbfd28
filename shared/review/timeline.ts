import type { GameRecord, RecordEntry } from '../record.ts';
import { entriesWithState } from '../rules/replay.ts';
import type { Move } from '../rules/moves.ts';
import type { GameState } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { FrameworkCard } from '../scoring/card.ts';
import { profileOf } from '../scoring/profile.ts';
import type { TimelineEntry, TimelineMark } from './schemas.ts';

/** The phase whose end runs the round's resolution (advance-phase.ts: leaving the decision phase settles the round). */
const RESOLVING_PHASE: GameState['phase'] = 'decision';

function entryOf(entry: RecordEntry, before: GameState): TimelineEntry {
  return {
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    seat: entry.kind === 'move' ? entry.seat : null,
    moveType: entry.kind === 'move' ? entry.move.type : null,
    move: entry.kind === 'move' ? entry.move : null,
    round: before.round,
    phase: before.phase,
    eventId: entry.kind === 'inject' ? entry.eventId : null,
  };
}

/** Every entry of the record, whole, with the round and phase it was made in: what a full review reads. */
export function timelineOf(scenario: Scenario, record: GameRecord): TimelineEntry[] {
  return [...entriesWithState(scenario, record)].map(({ entry, before }) => entryOf(entry, before));
}

/**
 * The timeline a seat may read while its game is still in play, matching what `playerView`
 * lets it see: its own moves whole; another seat's talks with it whole (it saw them at the
 * table); another seat's sealed decision by type only; and nothing at all of talks between
 * two other seats, whose very existence it could not see.
 */
export function seatTimeline(scenario: Scenario, record: GameRecord, seat: string): TimelineEntry[] {
  const seen: TimelineEntry[] = [];
  for (const { entry, before } of entriesWithState(scenario, record)) {
    if (entry.kind !== 'move' || entry.seat === seat) {
      seen.push(entryOf(entry, before));
      continue;
    }
    const parties = partiesOf(entry.seat, entry.move, before);
    if (entry.move.type === 'decide') seen.push({ ...entryOf(entry, before), move: null });
    else if (parties === null || parties.includes(seat)) seen.push(entryOf(entry, before));
  }
  return seen;
}

/** The seats a move passes between; null for a move addressed to no one (ready, decide). */
function partiesOf(mover: string, move: Move, before: GameState): string[] | null {
  switch (move.type) {
    case 'propose':
    case 'chat':
      return [mover, move.to];
    case 'threaten':
    case 'promise':
      return [mover, move.target];
    case 'counter':
    case 'accept':
    case 'reject':
    case 'withdraw': {
      const proposal = before.proposals.find((p) => p.id === move.proposalId);
      return proposal === undefined ? [mover] : [proposal.from, proposal.to];
    }
    case 'decide':
    case 'ready':
      return null;
  }
}

/**
 * The scrubber's marks for a timeline, whole or redacted. A mark's step is the entry's
 * place in the full record (its seq: entries are numbered 1..n in record order), so a
 * redacted timeline with entries dropped still points at the right states.
 */
export function marksOf(entries: TimelineEntry[], cards: FrameworkCard[]): TimelineMark[] {
  const cardOf = new Map(cards.map((c) => [c.seq, c]));
  const turning = new Map<string, Set<number>>();
  const turningOf = (seat: string) => {
    let seqs = turning.get(seat);
    if (!seqs) {
      seqs = new Set(profileOf(seat, cards).turningPoints.map((t) => t.seq));
      turning.set(seat, seqs);
    }
    return seqs;
  };
  return entries.map((e) => {
    const card = cardOf.get(e.seq);
    return {
      step: e.seq,
      seq: e.seq,
      kind: e.kind,
      seat: e.seat,
      moveType: e.moveType,
      round: e.round,
      phase: e.phase,
      label: e.kind === 'move' && card !== undefined ? card.evaluation.label : null,
      turning: e.kind === 'move' && e.seat !== null && turningOf(e.seat).has(e.seq),
      resolves: e.kind === 'advance' && e.phase === RESOLVING_PHASE,
    };
  });
}
