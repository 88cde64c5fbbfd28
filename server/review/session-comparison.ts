import type { GameRecord } from '../../shared/record.ts';
import { actorsBySeq } from '../../shared/review/exports.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { outcomeOf, paretoFrontier } from '../../shared/review/outcomes.ts';
import type { OutcomePoint, SessionReview, TableReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { profileOf } from '../../shared/scoring/profile.ts';
import { endOf, type ReplayCache } from '../http/replay-cache.ts';
import type { GameStore, StoredSession } from '../store/store.ts';
import type { ClassTableData } from './class-tables.ts';
import { forkSummaries } from './fork-summaries.ts';

/**
 * The instructor's comparison of a class: every table's outcome and each seat's profile,
 * the forks played from them, and the references. The frontier is drawn among what the
 * class played (tables and forks): a bot pairing beyond it shows what was left on the table.
 */
export async function sessionComparison(
  store: GameStore,
  replays: ReplayCache,
  scenario: Scenario,
  session: StoredSession,
  tables: readonly ClassTableData[],
  references: readonly OutcomePoint[],
): Promise<SessionReview> {
  const reviews: TableReview[] = [];
  const played: OutcomePoint[] = [];
  const forkPoints: OutcomePoint[] = [];
  for (const t of tables) {
    const scores = outcomeOf(t.state);
    const forks = await forkSummaries(store, t.gameId, (record) => endOf(replays, scenario, record));
    reviews.push({
      table: t.table,
      gameId: t.gameId,
      finished: t.finished,
      round: t.state.round,
      phase: t.state.phase,
      holders: t.holders,
      scores,
      profiles: scenario.seats.map((seat) => profileOf(seat.id, studentsCards(t.record, t.cards))),
      forks,
    });
    played.push({ id: `table:${t.table}`, kind: 'table', gameId: t.gameId, label: `Table ${t.table}`, scores, policies: null, frontier: false });
    for (const fork of forks) {
      forkPoints.push({ id: `fork:${fork.gameId}`, kind: 'fork', gameId: fork.gameId, label: `Table ${t.table} · fork @${fork.step}`, scores: fork.scores, policies: null, frontier: false });
    }
  }
  const ours = [...played, ...forkPoints];
  const frontier = paretoFrontier(ours);
  for (const point of ours) point.frontier = frontier.has(point.id);
  return {
    sessionId: session.sessionId,
    code: session.code,
    scenarioId: scenario.id,
    tables: reviews,
    points: [...ours, ...references.map((p) => ({ ...p, frontier: false }))],
  };
}

/** The cards of decisions students made: a bot's moves are the bot's, not the profile of the students at its seat. */
function studentsCards(record: GameRecord, cards: readonly FrameworkCard[]): FrameworkCard[] {
  const actors = actorsBySeq(record);
  return cards.filter((card) => actors.get(card.seq)?.kind !== 'bot');
}
