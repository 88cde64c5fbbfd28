import type { Scenario } from '../scenario/schema.ts';
import { agreementsInForce } from './agreements.ts';
import { decisionCost, findInstrument, meetsCommitment } from './instruments.ts';
import { addTo, seatOf } from './lookup.ts';
import type { ComplianceOutcome, GameState, RoundResult } from './state.ts';
import { carriesOut, demandMet, promisesDue, threatsDue } from './threats.ts';

export type Ledger = {
  political: Record<string, number>;
  reputational: Record<string, number>;
  credibility: Record<string, number>;
};

/** Share of an obligation carried out: 1 when met, falling towards 0 as the level strays from it. */
function complianceRatio(commit: 'atLeast' | 'atMost', committed: number, actual: number, min: number, max: number): number {
  if (commit === 'atLeast') return committed <= min ? 1 : Math.max(0, Math.min(1, (actual - min) / (committed - min)));
  return committed >= max ? 1 : Math.max(0, Math.min(1, 1 - (actual - committed) / (max - committed)));
}

/**
 * Agreements in force are checked against this round's sealed decisions. A shortfall
 * counts as the seat's choice unless it had spent (nearly) its whole capacity, or, for
 * returns, its reception capacity was the limit: agreements can outrun implementation
 * (MPI 2024: 30,000 CHNV returns a month agreed, far fewer carried out).
 */
export function checkCompliance(scenario: Scenario, state: GameState, receptionOf: Record<string, number>, ledger: Ledger): ComplianceOutcome[] {
  const c = scenario.coefficients;
  const outcomes: ComplianceOutcome[] = [];
  for (const agreement of agreementsInForce(state)) {
    for (const commitment of agreement.commitments) {
      const inst = findInstrument(scenario, commitment.instrument);
      if (!inst) continue;
      const committed = seatOf(state, commitment.seat);
      const levels = committed.decision ?? {};
      let actual = levels[inst.id] ?? inst.param.min;
      let limitedBy: ComplianceOutcome['limitedBy'] = 'none';
      const reception = receptionOf[commitment.seat];
      if (inst.effect === 'accept_returns' && reception !== undefined) {
        if (reception < Math.min(actual, commitment.amount)) {
          actual = reception;
          limitedBy = 'capacity';
        }
      }
      const ratio = complianceRatio(inst.commit, commitment.amount, actual, inst.param.min, inst.param.max);
      if (ratio < 1 && limitedBy === 'none') {
        const spent = decisionCost(scenario, commitment.seat, levels).implementation;
        limitedBy = spent >= 0.95 * committed.capacity ? 'capacity' : 'choice';
      }
      if (ratio < 1) {
        addTo(ledger.reputational, commitment.seat, c.breachReputationalCost * (1 - ratio));
        if (limitedBy === 'choice') addTo(ledger.credibility, commitment.seat, -(c.credibilityBroken * (1 - ratio)));
      }
      outcomes.push({ agreementId: agreement.id, seat: commitment.seat, instrument: inst.id, committed: commitment.amount, actual, ratio: Math.round(ratio * 1000) / 1000, limitedBy });
    }
  }
  return outcomes;
}

/** A promised reward is given when the level honours it as a commitment would. */
function rewarded(scenario: Scenario, state: GameState, seat: string, instrument: string, amount: number): boolean {
  const inst = findInstrument(scenario, instrument);
  const level = seatOf(state, seat).decision?.[instrument];
  return inst !== undefined && level !== undefined && meetsCommitment(inst, level, amount);
}

/**
 * Threats falling due this round: complied with, carried out, or empty. A threat made
 * in public has an audience: leaving it empty costs at home as well as in credibility.
 * Complying with a threat whose demand an agreement already bound shows nothing, so it
 * earns the threatener no credibility and costs the target no face.
 */
export function settleThreats(scenario: Scenario, state: GameState, ledger: Ledger): RoundResult['threats'] {
  const c = scenario.coefficients;
  const settled: RoundResult['threats'] = [];
  for (const threat of threatsDue(state)) {
    if (demandMet(scenario, state, threat)) {
      threat.status = 'complied';
      if (threat.bound !== true) {
        addTo(ledger.credibility, threat.by, c.credibilityKept);
        // Visibly giving in to pressure costs at home (FRAMEWORK §2, political cost).
        addTo(ledger.political, threat.target, c.cavingPoliticalCost);
      }
    } else if (carriesOut(scenario, state.seats[threat.by]?.decision?.[threat.consequence.instrument], threat.consequence)) {
      threat.status = 'carried_out';
      addTo(ledger.credibility, threat.by, c.credibilityKept);
    } else {
      threat.status = 'not_carried_out';
      addTo(ledger.credibility, threat.by, -c.credibilityBroken);
      addTo(ledger.political, threat.by, c.audienceCost);
    }
    settled.push({ id: threat.id, status: threat.status });
  }
  return settled;
}

/** Promises falling due: kept or broken when the condition was met, lapsed when it was not. */
export function settlePromises(scenario: Scenario, state: GameState, ledger: Ledger): RoundResult['promises'] {
  const c = scenario.coefficients;
  const settled: RoundResult['promises'] = [];
  for (const promise of promisesDue(state)) {
    const condition = findInstrument(scenario, promise.condition.instrument);
    const level = seatOf(state, promise.target).decision?.[promise.condition.instrument];
    if (!condition || level === undefined || !meetsCommitment(condition, level, promise.condition.amount)) {
      promise.status = 'lapsed';
    } else if (rewarded(scenario, state, promise.by, promise.reward.instrument, promise.reward.amount)) {
      promise.status = 'kept';
      addTo(ledger.credibility, promise.by, c.credibilityKept);
    } else {
      promise.status = 'broken';
      addTo(ledger.credibility, promise.by, -c.credibilityBroken);
      addTo(ledger.reputational, promise.by, c.breachReputationalCost);
    }
    settled.push({ id: promise.id, status: promise.status });
  }
  return settled;
}
