import { describe, expect, it } from 'vitest';
import { applyMove, checkMove, createGame, dueNow, playerView, type GameState, type Move } from '../../shared/rules/index.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();
const move = (state: GameState, body: Record<string, unknown>): Move => ({ ...body, version: state.version }) as Move;

/** Negotiation of round 1 with an accepted deal: Mexico keeps at least 12 guards and the US no tariff, for two rounds. */
function agreed(): GameState {
  let g = advanceTo(s, createGame(s, 2019), 'negotiation');
  g = must(s, g, 'mx', move(g, { type: 'propose', to: 'us', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 12 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }], rounds: 2 }));
  return must(s, g, 'us', move(g, { type: 'accept', proposalId: g.proposals.at(-1)!.id }));
}

describe('checkMove: the rules dry-run a move on what the seat can see', () => {
  it('gives the refusal applyMove would give, and changes nothing', () => {
    const g = agreed();
    const view = playerView(g, 'mx');
    const before = structuredClone(view);
    const decide = move(view, { type: 'decide', levels: { mx_guard: 12 } });
    const applied = applyMove(s, g, 'mx', decide);
    if (applied.ok) throw new Error('a decision in negotiation must be refused');
    const check = checkMove(s, view, 'mx', decide);
    expect(check).toEqual({ ok: false, rejection: applied.rejection });
    expect(applied.rejection.code).toBe('phase/wrong');
    expect(view).toEqual(before);
  });

  it('refuses a decision over capacity with the budget code', () => {
    const g = advanceTo(s, agreed(), 'decision');
    const check = checkMove(s, playerView(g, 'mx'), 'mx', move(g, { type: 'decide', levels: { mx_guard: 25, mx_returns: 30000, mx_asylum: 20 } }));
    expect(check.ok === false && check.rejection.code).toBe('budget/exceeded');
  });

  it('marks each sealed level that would break an agreement in force, and only those', () => {
    const g = advanceTo(s, agreed(), 'decision');
    const view = playerView(g, 'mx');
    expect(checkMove(s, view, 'mx', move(g, { type: 'decide', levels: { mx_guard: 11 } }))).toEqual({
      ok: true,
      warnings: [{ kind: 'breaks-agreement', commitment: { seat: 'mx', instrument: 'mx_guard', amount: 12 } }],
    });
    expect(checkMove(s, view, 'mx', move(g, { type: 'decide', levels: { mx_guard: 12 } }))).toEqual({ ok: true, warnings: [] });
    const us = playerView(g, 'us');
    expect(checkMove(s, us, 'us', move(g, { type: 'decide', levels: { us_tariff: 5 } }))).toEqual({
      ok: true,
      warnings: [{ kind: 'breaks-agreement', commitment: { seat: 'us', instrument: 'us_tariff', amount: 0 } }],
    });
  });

  it('flags a threat whose consequence would break the threatener\'s own agreement, and one that asks what is already agreed', () => {
    const g = agreed();
    const us = playerView(g, 'us');
    const tariff = move(g, { type: 'threaten', target: 'mx', demand: { instrument: 'mx_guard', amount: 12 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 2 });
    expect(checkMove(s, us, 'us', tariff)).toEqual({
      ok: true,
      warnings: [{ kind: 'contradicts-agreement', commitment: { seat: 'us', instrument: 'us_tariff', amount: 0 } }, { kind: 'asks-nothing-new' }],
    });
    // Round 3 is past the deal: the tariff breaks nothing then, and more guards than agreed is a new ask.
    const later = move(g, { type: 'threaten', target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 3 });
    expect(checkMove(s, us, 'us', later)).toEqual({ ok: true, warnings: [] });
  });

  it('lists what binds and falls due for each seat this round', () => {
    let g = agreed();
    g = must(s, g, 'us', move(g, { type: 'threaten', target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 1 }));
    g = must(s, g, 'us', move(g, { type: 'promise', target: 'mx', condition: { instrument: 'mx_asylum', amount: 5 }, reward: { instrument: 'us_aid', amount: 100 }, dueRound: 2 }));
    const mx = dueNow(playerView(g, 'mx'), 'mx');
    expect(mx.obligations).toEqual([{ seat: 'mx', instrument: 'mx_guard', amount: 12 }]);
    expect(mx.threatsFaced.map((t) => t.demand)).toEqual([{ instrument: 'mx_guard', amount: 15 }]);
    expect(mx.threatsMade).toEqual([]);
    // The promise falls due in round 2, not now.
    expect(mx.promisesOffered).toEqual([]);
    const us = dueNow(playerView(g, 'us'), 'us');
    expect(us.threatsMade).toHaveLength(1);
    expect(us.obligations).toEqual([{ seat: 'us', instrument: 'us_tariff', amount: 0 }]);
  });
});
