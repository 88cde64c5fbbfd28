import { bestResponse } from '../bots/best-response.ts';
import { playBotGame } from '../bots/play-bot-game.ts';
import { BotPolicyId } from '../bots/policy.ts';
import type { Scenario } from '../scenario/schema.ts';
import { decisionsOfRecord } from './cards-of-record.ts';
import { scoreDecision } from './score-decision.ts';

/** One policy's games in one seat: the mean 0–100 rating of its cards, and its mean final objective score. */
export type PolicyCalibration = { policy: BotPolicyId; meanCard: number; meanFinal: number; cards: number };

export type SeatCalibration = { seat: string; opponent: BotPolicyId; policies: PolicyCalibration[]; spearman: number };

/** Ranks from 0, ties sharing the mean of the ranks they span. */
function ranks(values: number[]): number[] {
  return values.map((v) => values.filter((w) => w < v).length + (values.filter((w) => w === v).length - 1) / 2);
}

/** Spearman's rank correlation: Pearson's on the ranks. 0 when either side has no spread. */
export function spearman(a: number[], b: number[]): number {
  const [ra, rb] = [ranks(a), ranks(b)];
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(ra), mean(rb)];
  let cov = 0;
  let va = 0;
  let vb = 0;
  ra.forEach((x, i) => {
    const y = rb[i] ?? mb;
    cov += (x - ma) * (y - mb);
    va += (x - ma) ** 2;
    vb += (y - mb) ** 2;
  });
  return va === 0 || vb === 0 ? 0 : cov / Math.sqrt(va * vb);
}

/**
 * Does following the cards pay? Each policy plays `seat` for `games` seeded games against
 * `opponent` in every other seat; its cards are scored as the server scores them. A
 * scorer worth trusting ranks the policies by their card ratings as their final scores
 * rank them. `onCard` reports each card's scoring time, for the bench.
 */
export function calibrateSeat(scenario: Scenario, seat: string, opponent: BotPolicyId, games: number, onCard: (ms: number) => void = () => {}, now: () => number = () => 0): SeatCalibration {
  const policies = BotPolicyId.options.map((policy): PolicyCalibration => {
    let card = 0;
    let cards = 0;
    let final = 0;
    for (let g = 0; g < games; g++) {
      const seating = Object.fromEntries(scenario.seats.map((s) => [s.id, s.id === seat ? policy : opponent]));
      const { record, state } = playBotGame(scenario, 500 + g, seating, 11 + g);
      for (const d of decisionsOfRecord(scenario, record)) {
        if (d.seat !== seat) continue;
        const started = now();
        card += scoreDecision(scenario, d.before, d.seq, d.seat, d.move).evaluation.score;
        onCard(now() - started);
        cards += 1;
      }
      final += state.seats[seat]?.score ?? 0;
    }
    return { policy, meanCard: cards === 0 ? 0 : card / cards, meanFinal: final / games, cards };
  });
  return { seat, opponent, policies, spearman: spearman(policies.map((p) => p.meanCard), policies.map((p) => p.meanFinal)) };
}

/** The best-response bot's mean final score in one seat against one opponent policy, beside the fixed policies'. */
export type BestResponseCheck = { seat: string; opponent: BotPolicyId; bestResponse: number; fixed: { policy: BotPolicyId; meanFinal: number }[]; bestFixed: BotPolicyId };

/**
 * Does a player who follows the cards do better? The best-response bot (which plays what
 * the evaluator rates best) and each fixed policy play `seat` over the same seeded games
 * against `opponent` everywhere else. The target is that following the cards is never
 * beaten by a fixed temperament, within noise.
 */
export function checkBestResponse(scenario: Scenario, seat: string, opponent: BotPolicyId, games: number): BestResponseCheck {
  const meanFinal = (policy: BotPolicyId | typeof bestResponse) => {
    let total = 0;
    for (let g = 0; g < games; g++) {
      const seating = Object.fromEntries(scenario.seats.map((s) => [s.id, s.id === seat ? policy : opponent]));
      total += playBotGame(scenario, 500 + g, seating, 11 + g).state.seats[seat]?.score ?? 0;
    }
    return total / games;
  };
  const fixed = BotPolicyId.options.map((policy) => ({ policy, meanFinal: meanFinal(policy) }));
  const bestFixed = fixed.reduce((a, b) => (b.meanFinal > a.meanFinal ? b : a)).policy;
  return { seat, opponent, bestResponse: meanFinal(bestResponse), fixed, bestFixed };
}
