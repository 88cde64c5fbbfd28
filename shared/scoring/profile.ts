import { z } from 'zod';
import { Aim, InstrumentClass } from '../framework.ts';
import { Costs } from '../scenario/schema.ts';
import type { FrameworkCard } from './card.ts';
import { round2 } from '../rules/numbers.ts';

export const TURNING_POINTS = 3;

export const Profile = z.object({
  seat: z.string(),
  decisions: z.number().int(),
  /** Share (0..1) of the seat's decisions by instrument, and by aim among those that activated leverage. */
  instruments: z.record(InstrumentClass, z.number()),
  aims: z.record(Aim, z.number()),
  costs: Costs,
  meanScore: z.number(),
  /** The decisions that moved the seat's projected outcome most, by record sequence number. */
  turningPoints: z.array(z.object({ seq: z.number().int(), round: z.number().int(), impact: z.number() })),
});
export type Profile = z.infer<typeof Profile>;

/** What an instructor debriefs: how a seat used its leverage over the game, and where it counted. */
export function profileOf(seat: string, cards: FrameworkCard[]): Profile {
  const mine = cards.filter((c) => c.seat === seat);
  const instruments = Object.fromEntries(InstrumentClass.options.map((k) => [k, 0])) as Record<InstrumentClass, number>;
  const aims = Object.fromEntries(Aim.options.map((k) => [k, 0])) as Record<Aim, number>;
  const costs = { political: 0, reputational: 0, implementation: 0 };
  let activated = 0;
  for (const card of mine) {
    instruments[card.classification.instrument] += 1;
    if (card.classification.aim !== null) {
      aims[card.classification.aim] += 1;
      activated += 1;
    }
    costs.political += card.ledger.costs.political;
    costs.reputational += card.ledger.costs.reputational;
    costs.implementation += card.ledger.costs.implementation;
  }
  for (const k of InstrumentClass.options) instruments[k] = mine.length === 0 ? 0 : round2(instruments[k] / mine.length);
  for (const k of Aim.options) aims[k] = activated === 0 ? 0 : round2(aims[k] / activated);
  const turningPoints = mine
    .map((c) => ({ seq: c.seq, round: c.round, impact: round2(c.evaluation.expected - c.evaluation.baseline) }))
    .filter((t) => t.impact !== 0)
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || a.seq - b.seq)
    .slice(0, TURNING_POINTS);
  return {
    seat,
    decisions: mine.length,
    instruments,
    aims,
    costs: { political: round2(costs.political), reputational: round2(costs.reputational), implementation: round2(costs.implementation) },
    meanScore: mine.length === 0 ? 0 : round2(mine.reduce((a, c) => a + c.evaluation.score, 0) / mine.length),
    turningPoints,
  };
}
