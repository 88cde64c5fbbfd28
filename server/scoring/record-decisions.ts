import type { Logger } from 'pino';
import type { GameRecord } from '../../shared/record.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { decisionsOfRecord } from '../../shared/scoring/cards-of-record.ts';
import type { GameStore } from '../store/store.ts';
import type { Scorer, ScoringJob } from './scorer.ts';

/**
 * Every decision of a record with the table as it stood just before it: the walk
 * `cardsOfRecord` makes, without scoring, so the scoring can go to the workers.
 */
export function* decisionsOf(scenario: Scenario, record: GameRecord): Generator<ScoringJob> {
  for (const decision of decisionsOfRecord(scenario, record)) yield { scenario, ...decision };
}

/**
 * All the cards of a record: the stored ones, and any the server never finished scoring
 * (it stopped first) scored now and stored, so the next reader finds them.
 */
export async function completeCards(scorer: Scorer, store: GameStore, scenario: Scenario, record: GameRecord, log: Logger): Promise<FrameworkCard[]> {
  const stored = new Map((await store.loadCards(record.gameId)).map((card) => [card.seq, card]));
  const missing: ScoringJob[] = [];
  for (const job of decisionsOf(scenario, record)) if (!stored.has(job.seq)) missing.push(job);
  const scored = await Promise.all(missing.map((job) => scorer.score(job, { table: record.gameId, lane: 'catch-up', log })));
  for (const card of scored) {
    await store.saveCard(record.gameId, card);
    stored.set(card.seq, card);
  }
  return [...stored.values()].sort((a, b) => a.seq - b.seq);
}
