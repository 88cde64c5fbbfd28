import type { GameRecord, RecordEntry } from '../record.ts';
import { at } from '../rules/lookup.ts';
import { round2 } from '../rules/numbers.ts';
import { applyEntry, replay } from '../rules/replay.ts';
import type { Agreement, GameState, PromiseMade, RoundResult, Threat } from '../rules/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { CommitmentOutcome, LedgerLine } from './schemas.ts';

/** A resolved round and the step (entries replayed) at which its results became known. */
type Settled = { result: RoundResult; step: number };

const KIND_ORDER: Record<LedgerLine['kind'], number> = { agreement: 0, promise: 1, threat: 2 };

const THREAT_OUTCOME: Record<Threat['status'], CommitmentOutcome> = {
  carried_out: 'kept',
  not_carried_out: 'broken',
  complied: 'complied',
  pending: 'pending',
};

const PROMISE_OUTCOME: Record<PromiseMade['status'], CommitmentOutcome> = {
  kept: 'kept',
  broken: 'broken',
  lapsed: 'lapsed',
  pending: 'pending',
};

/** A positive zero, so that "no effect" always reads 0. */
const points = (n: number) => round2(n) + 0;

/**
 * Every promise, threat and agreement obligation of a game, each with what the seat then
 * did and what that did to its credibility. The numbers follow shared/rules/due.ts, which
 * moves credibility when a commitment falls due: the ledger explains the credibility line
 * of the charts commitment by commitment.
 */
export function commitmentLedger(scenario: Scenario, record: GameRecord): LedgerLine[] {
  const made = new Map<string, number>();
  const settledRound = new Map<number, Settled>();
  let final = replay(scenario, record, 0);
  record.entries.forEach((entry, index) => {
    const before = final;
    final = applyEntry(scenario, before, entry);
    noteEntry(entry, index + 1, before, final, made, settledRound);
  });

  const c = scenario.coefficients;
  const lines: (LedgerLine & { order: number })[] = [];
  const settledOf = (round: number, pending: boolean) => (pending ? undefined : settledRound.get(round));
  const levelOf = (s: Settled | undefined, seat: string, instrument: string) => (s ? (s.result.seats[seat]?.levels[instrument] ?? null) : null);

  for (const threat of final.threats) {
    const settled = settledOf(threat.dueRound, threat.status === 'pending');
    const credibility = threat.status === 'pending' ? 0 : threat.status === 'not_carried_out' ? -c.credibilityBroken : c.credibilityKept;
    lines.push({
      kind: 'threat', id: threat.id, seat: threat.by, counterpart: threat.target,
      madeSeq: made.get(threat.id) ?? null, madeRound: threat.round,
      settledRound: settled ? threat.dueRound : null, settledStep: settled?.step ?? null,
      instrument: threat.consequence.instrument, committed: threat.consequence.amount,
      actual: levelOf(settled, threat.by, threat.consequence.instrument),
      outcome: THREAT_OUTCOME[threat.status], ratio: null, credibility: points(credibility), limitedBy: null,
      order: threat.dueRound,
    });
  }
  for (const promise of final.promises) {
    const settled = settledOf(promise.dueRound, promise.status === 'pending');
    const credibility = promise.status === 'kept' ? c.credibilityKept : promise.status === 'broken' ? -c.credibilityBroken : 0;
    lines.push({
      kind: 'promise', id: promise.id, seat: promise.by, counterpart: promise.target,
      madeSeq: made.get(promise.id) ?? null, madeRound: promise.round,
      settledRound: settled ? promise.dueRound : null, settledStep: settled?.step ?? null,
      instrument: promise.reward.instrument, committed: promise.reward.amount,
      actual: levelOf(settled, promise.by, promise.reward.instrument),
      outcome: PROMISE_OUTCOME[promise.status], ratio: null, credibility: points(credibility), limitedBy: null,
      order: promise.dueRound,
    });
  }
  for (const agreement of final.agreements) lines.push(...agreementLines(scenario, agreement, made.get(agreement.id) ?? null, settledRound));

  // A stable sort: an agreement's obligations in one round keep the order of its commitments.
  return lines
    .sort((a, b) =>
      (a.madeSeq ?? Number.MAX_SAFE_INTEGER) - (b.madeSeq ?? Number.MAX_SAFE_INTEGER) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.order - b.order)
    .map(({ order: _order, ...line }) => line);
}

/** Commitments an entry created, and the round an advance resolved. */
function noteEntry(entry: RecordEntry, step: number, before: GameState, after: GameState, made: Map<string, number>, settled: Map<number, Settled>): void {
  if (entry.kind === 'move') {
    for (const { id } of [...after.threats, ...after.promises, ...after.agreements]) if (!made.has(id)) made.set(id, entry.seq);
  } else if (after.history.length > before.history.length) {
    const result = at(after.history, after.history.length - 1);
    settled.set(result.round, { result, step });
  }
}

/** One line per obligation and round bound: compliance is checked round by round (due.ts checkCompliance). */
function agreementLines(scenario: Scenario, agreement: Agreement, madeSeq: number | null, settledRound: Map<number, Settled>): (LedgerLine & { order: number })[] {
  const c = scenario.coefficients;
  const lines: (LedgerLine & { order: number })[] = [];
  for (let round = agreement.fromRound; round <= agreement.toRound; round++) {
    const settled = settledRound.get(round);
    // checkCompliance reports an agreement's obligations in the order of its commitments.
    const outcomes = settled ? settled.result.compliance.filter((o) => o.agreementId === agreement.id) : [];
    agreement.commitments.forEach((commitment, i) => {
      const outcome = settled ? outcomes[i] : undefined;
      const counterpart = agreement.parties.find((p) => p !== commitment.seat) ?? commitment.seat;
      const base = {
        kind: 'agreement' as const, id: agreement.id, seat: commitment.seat, counterpart,
        madeSeq, madeRound: agreement.fromRound, instrument: commitment.instrument, committed: commitment.amount, order: round,
      };
      if (!settled || !outcome) {
        lines.push({ ...base, settledRound: null, settledStep: null, actual: null, outcome: 'pending', ratio: null, credibility: 0, limitedBy: null });
        return;
      }
      const credibility = outcome.limitedBy === 'choice' ? -c.credibilityBroken * (1 - outcome.ratio) : 0;
      lines.push({
        ...base,
        settledRound: round, settledStep: settled.step,
        actual: settled.result.seats[commitment.seat]?.levels[commitment.instrument] ?? null,
        outcome: outcome.ratio >= 1 ? 'kept' : outcome.ratio <= 0 ? 'broken' : 'partly-kept',
        ratio: outcome.ratio, credibility: points(credibility), limitedBy: outcome.limitedBy,
      });
    });
  }
  return lines;
}
