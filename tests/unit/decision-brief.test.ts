import { describe, expect, it } from 'vitest';
import { advancePhase, createGame, playerView, type GameState, type Move } from '../../shared/rules/index.ts';
import { decisionBrief } from '../../client/ui/decision-brief.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();
const move = (state: GameState, body: Record<string, unknown>): Move => ({ ...body, version: state.version }) as Move;

/**
 * Round 1, built through the public rules: Mexico keeps at least 12 guards and the US no
 * tariff for two rounds; the US then threatens a tariff unless Mexico grants 5 asylum
 * places this round, and promises 100 in aid if Mexico takes 5,000 returns this round.
 */
function committed(): GameState {
  let g = advanceTo(s, createGame(s, 2019), 'negotiation');
  g = must(s, g, 'mx', move(g, { type: 'propose', to: 'us', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 12 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }], rounds: 2 }));
  g = must(s, g, 'us', move(g, { type: 'accept', proposalId: g.proposals.at(-1)!.id }));
  g = must(s, g, 'us', move(g, { type: 'threaten', target: 'mx', demand: { instrument: 'mx_asylum', amount: 5 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 1 }));
  g = must(s, g, 'us', move(g, { type: 'promise', target: 'mx', condition: { instrument: 'mx_returns', amount: 5000 }, reward: { instrument: 'us_aid', amount: 100 }, dueRound: 1 }));
  return advanceTo(s, g, 'decision');
}

describe('decisionBrief: the decision form reads the commitments through the rules', () => {
  const g = committed();
  const mx = playerView(g, 'mx');
  const us = playerView(g, 'us');
  const [agreement] = g.agreements;
  const [threat] = g.threats;
  const [promise] = g.promises;

  it('lists the obligations in force and what falls due, and marks each level that would break or miss one', () => {
    const brief = decisionBrief(s, mx, 'mx', { mx_guard: 11, mx_returns: 0, mx_loosen: 0, mx_asylum: 3 });
    expect(brief.obligations).toEqual([{ agreementId: agreement!.id, commitment: { seat: 'mx', instrument: 'mx_guard', amount: 12 }, kept: false }]);
    expect(brief.threats).toEqual([{ role: 'faced', threat, answered: false }]);
    expect(brief.promises).toEqual([{ role: 'offered', promise, answered: false }]);
    expect(brief.marks).toEqual({
      mx_guard: [{ kind: 'breaks-agreement', agreementId: agreement!.id, commitment: { seat: 'mx', instrument: 'mx_guard', amount: 12 } }],
      mx_asylum: [{ kind: 'misses-demand', threat }],
      mx_returns: [{ kind: 'misses-condition', promise }],
    });
    expect(brief.refusal).toBeNull();
  });

  it('clears the marks as the levels move to meet them (live, as a slider moves)', () => {
    const brief = decisionBrief(s, mx, 'mx', { mx_guard: 12, mx_returns: 5000, mx_loosen: 0, mx_asylum: 5 });
    expect(brief.marks).toEqual({});
    expect(brief.obligations.map((o) => o.kept)).toEqual([true]);
    expect(brief.threats.map((x) => x.answered)).toEqual([true]);
    expect(brief.promises.map((x) => x.answered)).toEqual([true]);
  });

  it('an empty or half-typed field keeps the level in force, which the rules then judge', () => {
    // Mexico's guards in force are 6, below the agreed 12.
    expect(mx.seats.mx!.policy.mx_guard).toBe(6);
    const brief = decisionBrief(s, mx, 'mx', { mx_guard: Number.NaN, mx_returns: 5000, mx_loosen: 0, mx_asylum: 5 });
    expect(Object.keys(brief.marks)).toEqual(['mx_guard']);
  });

  it('gives the rules\' refusal of levels over capacity, and still marks the broken agreement', () => {
    const brief = decisionBrief(s, mx, 'mx', { mx_guard: 11, mx_returns: 30000, mx_loosen: 0, mx_asylum: 20 });
    expect(brief.refusal?.code).toBe('budget/exceeded');
    expect(Object.keys(brief.marks)).toEqual(['mx_guard']);
  });

  it('marks the threatener\'s own levels: a threat left empty and a promise not backed', () => {
    const brief = decisionBrief(s, us, 'us', { us_tariff: 0, us_returns: 0, us_aid: 0, us_pathway: 0, us_asylum: 30 });
    expect(brief.obligations).toEqual([{ agreementId: agreement!.id, commitment: { seat: 'us', instrument: 'us_tariff', amount: 0 }, kept: true }]);
    expect(brief.threats).toEqual([{ role: 'made', threat, answered: false }]);
    expect(brief.promises).toEqual([{ role: 'made', promise, answered: false }]);
    expect(brief.marks).toEqual({ us_tariff: [{ kind: 'empty-threat', threat }], us_aid: [{ kind: 'breaks-promise', promise }] });
    // Carrying the threat out breaks the agreement instead: both are marked on the one level.
    const carried = decisionBrief(s, us, 'us', { us_tariff: 10, us_returns: 0, us_aid: 100, us_pathway: 0, us_asylum: 30 });
    expect(carried.marks).toEqual({ us_tariff: [{ kind: 'breaks-agreement', agreementId: agreement!.id, commitment: { seat: 'us', instrument: 'us_tariff', amount: 0 } }] });
  });

  it('says what the table records if the student does not seal: the levels in force, and what they break', () => {
    const brief = decisionBrief(s, mx, 'mx', { mx_guard: 12, mx_returns: 0, mx_loosen: 0, mx_asylum: 3 });
    expect(brief.ifUnsealed).toEqual({
      levels: { mx_guard: 6, mx_returns: 0, mx_loosen: 0, mx_asylum: 3 },
      breaks: [{ agreementId: agreement!.id, commitment: { seat: 'mx', instrument: 'mx_guard', amount: 12 }, kept: false }],
      standsDown: false,
    });
    expect(brief.recorded).toBeNull();
  });

  it('says when the levels in force no longer fit the capacity: the table records the minimum', () => {
    // Capacity below the 15 the levels in force need (6 guards at 2, 3 asylum places at 1).
    const poorer = structuredClone(mx);
    poorer.seats.mx!.capacity = 14;
    expect(decisionBrief(s, poorer, 'mx', {}).ifUnsealed).toEqual({
      levels: { mx_guard: 0, mx_returns: 0, mx_loosen: 0, mx_asylum: 0 },
      breaks: [{ agreementId: agreement!.id, commitment: { seat: 'mx', instrument: 'mx_guard', amount: 12 }, kept: false }],
      standsDown: true,
    });
  });

  it('once sealed there is no fallback; once resolved, it tells what was recorded (the fallback for an unsealed seat)', () => {
    const sealed = must(s, g, 'us', move(g, { type: 'decide', levels: { us_tariff: 0, us_aid: 100 } }));
    expect(decisionBrief(s, playerView(sealed, 'us'), 'us', { us_tariff: 0 }).ifUnsealed).toBeNull();
    // Mexico never seals: the timer closes the decision.
    const resolved = advancePhase(s, sealed).state;
    expect(resolved.phase).toBe('resolution');
    const brief = decisionBrief(s, playerView(resolved, 'mx'), 'mx', {});
    expect(brief.recorded).toEqual({ mx_guard: 6, mx_returns: 0, mx_loosen: 0, mx_asylum: 3 });
    expect(brief.ifUnsealed).toBeNull();
    expect(brief.refusal).toBeNull();
    expect(decisionBrief(s, playerView(resolved, 'us'), 'us', {}).recorded).toEqual({ us_tariff: 0, us_returns: 0, us_aid: 100, us_pathway: 0, us_asylum: 30 });
  });
});
