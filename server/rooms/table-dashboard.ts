import type { GameRecord } from '../../shared/record.ts';
import { applyEntry, createGame } from '../../shared/rules/index.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import { waitingOn } from '../../shared/rules/waiting-on.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { SCORED_MOVES, type FrameworkCard } from '../../shared/scoring/card.ts';
import type { TableSummary } from '../../shared/session.ts';
import type { GameStore } from '../store/store.ts';

/** What the instructor's dashboard shows of a table beyond its clock: where each seat stands, and what happened last. */
export type TableDashboard = Pick<TableSummary, 'indicators' | 'scores' | 'events' | 'waitingOn' | 'lastActive' | 'latest'>;
export type LatestDecision = TableSummary['latest'][number];

/** Enough for an instructor to spot a table in trouble at a glance; the replay has the rest. */
export const LATEST_DECISIONS = 4;

/** Each seat's indicators and score, and who the phase waits for: read off the state, no replay. */
export function standingOf(state: GameState): Pick<TableDashboard, 'indicators' | 'scores' | 'events' | 'waitingOn'> {
  const seats = Object.entries(state.seats);
  return {
    indicators: Object.fromEntries(seats.map(([id, seat]) => [id, { ...seat.indicators }])),
    scores: Object.fromEntries(seats.map(([id, seat]) => [id, seat.score])),
    events: [...state.events],
    waitingOn: waitingOn(state),
  };
}

/**
 * A table's recent activity, kept up as moves are recorded and cards scored, so a report
 * to the session costs a copy rather than a replay: when each seat last moved, and the
 * latest decisions with their framework label once the scorer has one.
 */
export class TableActivity {
  private readonly lastActive: Record<string, number> = {};
  private latest: LatestDecision[] = [];

  /**
   * Replays the record once, for the state it ends in and the activity it holds: what a
   * reopened room (or an ended session's stored view) starts from.
   */
  static replay(scenario: Scenario, record: GameRecord, cards: readonly FrameworkCard[]): { state: GameState; activity: TableActivity } {
    if (record.scenarioId !== scenario.id || record.scenarioVersion !== scenario.version) {
      throw new Error(`record is for ${record.scenarioId} v${record.scenarioVersion}, not ${scenario.id} v${scenario.version}`);
    }
    const activity = new TableActivity();
    let state = createGame(scenario, record.seed);
    for (const entry of record.entries) {
      if (entry.kind === 'move') activity.moved(entry.seq, entry.at, entry.seat, entry.move.type, state.round);
      state = applyEntry(scenario, state, entry);
    }
    for (const card of cards) activity.scored(card);
    return { state, activity };
  }

  /** A move was recorded in `round` (the round it was made in). */
  moved(seq: number, at: number, seat: string, moveType: Move['type'], round: number): void {
    this.lastActive[seat] = at;
    if (!SCORED_MOVES.has(moveType)) return;
    this.latest.push({ seq, seat, round, moveType, label: null });
    if (this.latest.length > LATEST_DECISIONS) this.latest = this.latest.slice(-LATEST_DECISIONS);
  }

  /** A decision's card is in: its label shows whatever the card release setting, as the dashboard is the instructor's. */
  scored(card: FrameworkCard): void {
    const decision = this.latest.find((d) => d.seq === card.seq);
    if (decision !== undefined) decision.label = card.evaluation.label;
  }

  /** Copies: a report crosses to the session room, maybe as the same object when both rooms share a process. */
  snapshot(): Pick<TableDashboard, 'lastActive' | 'latest'> {
    return { lastActive: { ...this.lastActive }, latest: this.latest.map((d) => ({ ...d })) };
  }
}

/**
 * A table with no live room (it has ended, or its session is read from the store): where it
 * stands, read from its record and cards. Null when the record is of another scenario
 * version than the server's (the roster and seats still show without it).
 */
export async function storedStanding(store: GameStore, scenario: Scenario, gameId: string): Promise<(TableDashboard & { round: number; phase: string }) | null> {
  const record = await store.loadRecord(gameId);
  if (record === null || record.scenarioId !== scenario.id || record.scenarioVersion !== scenario.version) return null;
  const { state, activity } = TableActivity.replay(scenario, record, await store.loadCards(gameId));
  return { round: state.round, phase: state.phase, ...standingOf(state), ...activity.snapshot() };
}
