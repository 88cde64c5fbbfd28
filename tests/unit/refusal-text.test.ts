import { describe, expect, it } from 'vitest';
import { applyMove, createGame, type GameState, type Move, type Rejection } from '../../shared/rules/index.ts';
import { refusalProblem, refusalText } from '../../client/ui/refusal-text.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();
const move = (state: GameState, body: Record<string, unknown>): Move => ({ ...body, version: state.version }) as Move;

function refused(state: GameState, seat: string, body: Record<string, unknown>): Rejection {
  const applied = applyMove(s, state, seat, move(state, body));
  if (applied.ok) throw new Error(`${body.type} should be refused`);
  return applied.rejection;
}

describe('refusalText: the rules refuse with a code and numbers, the client says it in the student\'s language', () => {
  const talks = advanceTo(s, createGame(s, 2019), 'negotiation');

  it('a decision over capacity names what it needs and what there is', () => {
    const decision = advanceTo(s, talks, 'decision');
    const r = refused(decision, 'mx', { type: 'decide', levels: { mx_guard: 25, mx_asylum: 20 } });
    expect(r).toMatchObject({ code: 'budget/exceeded', params: { used: 70, capacity: 60 } });
    expect(refusalText(s, 'en', r)).toBe('This decision needs 70 capacity; you have 60.');
    expect(refusalText(s, 'es', r)).toBe('Esta decisión necesita 70 de capacidad; tienes 60.');
  });

  it('a level off its range names the instrument in the student\'s language and its bounds in the locale\'s digits', () => {
    const r = refused(talks, 'us', { type: 'propose', to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_returns', amount: 31000 }], rounds: 1 });
    expect(r).toMatchObject({ code: 'param/out-of-range', params: { instrument: 'mx_returns', min: 0, max: 30000, step: 1000 } });
    expect(refusalText(s, 'en', r)).toBe('Returns accepted (Remain in Mexico) must be between 0 and 30,000 in steps of 1,000.');
    expect(refusalText(s, 'es', r)).toBe('Retornos aceptados (Quédate en México) debe estar entre 0 y 30,000, en pasos de 1,000.');
  });

  it('a chat line too long, a due round out of the game, and a proposal no longer open', () => {
    const long = refused(talks, 'us', { type: 'chat', to: 'mx', text: 'x'.repeat(501) });
    expect(refusalText(s, 'en', long)).toBe('A message can have at most 500 characters.');
    const late = refused(talks, 'us', { type: 'threaten', target: 'mx', demand: { instrument: 'mx_guard', amount: 10 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 9 });
    expect(refusalText(s, 'en', late)).toBe('The due round must be between 1 and 6.');
    expect(refusalText(s, 'es', late)).toBe('La ronda de vencimiento debe estar entre 1 y 6.');
    let g = must(s, talks, 'us', move(talks, { type: 'propose', to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 10 }], rounds: 1 }));
    const id = g.proposals.at(-1)!.id;
    g = must(s, g, 'mx', move(g, { type: 'accept', proposalId: id }));
    const again = refused(g, 'mx', { type: 'accept', proposalId: id });
    expect(refusalText(s, 'en', again)).toBe('That proposal is no longer open: it was accepted.');
    expect(refusalText(s, 'es', again)).toBe('Esa propuesta ya no está abierta: está aceptada.');
  });

  it('without params, or with one this scenario cannot name, the code\'s own sentence', () => {
    expect(refusalProblem(s, 'en', { code: 'budget/exceeded' })).toEqual({ key: 'refused.budget/exceeded' });
    expect(refusalProblem(s, 'en', { code: 'param/out-of-range', params: { instrument: 'no_such', min: 0, max: 1, step: 1 } })).toEqual({ key: 'refused.param/out-of-range' });
    expect(refusalProblem(s, 'en', { code: 'proposal/not-open', params: { status: 'vanished' } })).toEqual({ key: 'refused.proposal/not-open' });
    expect(refusalText(s, 'es', { code: 'phase/wrong', params: { phase: 'decision' } })).toBe('Eso no es posible en esta fase.');
  });
});
