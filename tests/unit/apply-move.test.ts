import { describe, expect, it } from 'vitest';
import { applyMove, createGame, stateHash, type GameState, type Move, type RejectionCode } from '../../shared/rules/index.ts';
import { tinyScenario } from './fixtures/tiny-scenario.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { shipped } from './fixtures/moments.ts';

const scenario = tinyScenario();
const start = createGame(scenario, 11);
const negotiation = advanceTo(scenario, start, 'negotiation');
const withProposal = must(scenario, negotiation, 'dest', {
  type: 'propose', version: negotiation.version, to: 'trans', commitments: [{ seat: 'trans', instrument: 'guard', amount: 10 }, { seat: 'dest', instrument: 'tariff', amount: 0 }], rounds: 2,
});
const decision = advanceTo(scenario, negotiation, 'decision');
const decided = must(scenario, decision, 'trans', { type: 'decide', version: decision.version, levels: { guard: 5 } });
const ended = advanceTo(scenario, advanceTo(scenario, advanceTo(scenario, start, 'debrief'), 'debrief'), 'ended');

type Case = [string, GameState, string, Move, RejectionCode];
const v = (s: GameState) => s.version;

describe('applyMove refuses, as a value with a reason code, and changes nothing', () => {
  const cases: Case[] = [
    ['a move after the game ended', ended, 'dest', { type: 'ready', version: v(ended) }, 'game/over'],
    ['a seat that is not at the table', negotiation, 'nobody', { type: 'ready', version: v(negotiation) }, 'seat/unknown'],
    ['a proposal outside negotiation', start, 'dest', { type: 'propose', version: v(start), to: 'trans', commitments: [{ seat: 'trans', instrument: 'guard', amount: 1 }], rounds: 1 }, 'phase/wrong'],
    ['a decision outside the decision phase', negotiation, 'dest', { type: 'decide', version: v(negotiation), levels: {} }, 'phase/wrong'],
    ['ready during the decision phase', decision, 'dest', { type: 'ready', version: v(decision) }, 'phase/wrong'],
    ['a move from a version the table has not reached', negotiation, 'dest', { type: 'ready', version: v(negotiation) + 5 }, 'state/stale'],
    ['a proposal made against the previous phase', negotiation, 'dest', { type: 'propose', version: v(negotiation) - 1, to: 'trans', commitments: [{ seat: 'trans', instrument: 'guard', amount: 1 }], rounds: 1 }, 'state/stale'],
    ['an accept of a proposal that changed after it was seen', withProposal, 'trans', { type: 'accept', version: v(negotiation), proposalId: 'p1' }, 'state/stale'],
    ['an accept of an unknown proposal', withProposal, 'trans', { type: 'accept', version: v(withProposal), proposalId: 'p99' }, 'proposal/unknown'],
    ['an accept by the seat that made the proposal', withProposal, 'dest', { type: 'accept', version: v(withProposal), proposalId: 'p1' }, 'proposal/not-addressed'],
    ['a withdrawal by the seat it was addressed to', withProposal, 'trans', { type: 'withdraw', version: v(withProposal), proposalId: 'p1' }, 'proposal/not-addressed'],
    ['a commitment on an instrument that does not exist', negotiation, 'dest', { type: 'propose', version: v(negotiation), to: 'trans', commitments: [{ seat: 'trans', instrument: 'wall', amount: 1 }], rounds: 1 }, 'instrument/unknown'],
    ['a commitment of a seat on another seat\'s instrument', negotiation, 'dest', { type: 'propose', version: v(negotiation), to: 'trans', commitments: [{ seat: 'dest', instrument: 'guard', amount: 1 }], rounds: 1 }, 'instrument/not-yours'],
    ['a level off the parameter\'s steps', negotiation, 'dest', { type: 'propose', version: v(negotiation), to: 'trans', commitments: [{ seat: 'dest', instrument: 'tariff', amount: 7 }], rounds: 1 }, 'param/out-of-range'],
    ['a proposal to oneself', negotiation, 'dest', { type: 'propose', version: v(negotiation), to: 'dest', commitments: [{ seat: 'dest', instrument: 'tariff', amount: 0 }], rounds: 1 }, 'target/invalid'],
    ['a threat due before the current round', negotiation, 'dest', { type: 'threaten', version: v(negotiation), target: 'trans', demand: { instrument: 'guard', amount: 5 }, consequence: { instrument: 'tariff', amount: 5 }, dueRound: 9 }, 'due/invalid'],
    ['a threat whose demand is the threatener\'s own instrument', negotiation, 'dest', { type: 'threaten', version: v(negotiation), target: 'trans', demand: { instrument: 'tariff', amount: 5 }, consequence: { instrument: 'tariff', amount: 5 }, dueRound: 2 }, 'instrument/not-yours'],
    ['a decision over the capacity budget', decision, 'trans', { type: 'decide', version: v(decision), levels: { guard: 20, accept: 0 } }, 'budget/exceeded'],
    ['a decision on another seat\'s instrument', decision, 'trans', { type: 'decide', version: v(decision), levels: { tariff: 0 } }, 'instrument/not-yours'],
    ['a second decision after the first was sealed', decided, 'trans', { type: 'decide', version: v(decided), levels: { guard: 1 } }, 'decision/locked'],
    ['an empty chat message', negotiation, 'dest', { type: 'chat', version: v(negotiation), to: 'trans', text: '   ' }, 'chat/empty'],
    ['a chat message over 500 characters', negotiation, 'dest', { type: 'chat', version: v(negotiation), to: 'trans', text: 'x'.repeat(501) }, 'chat/too-long'],
  ];
  it.each(cases)('%s', (_name, state, seat, move, code) => {
    const before = stateHash(state);
    const result = applyMove(scenario, state, seat, move);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.rejection.code).toBe(code);
      expect(result.rejection.message.length).toBeGreaterThan(0);
    }
    expect(stateHash(state)).toBe(before);
  });
});

describe('applyMove accepts legal moves and bumps the version', () => {
  it('turns an accepted proposal into an agreement binding this round and the next', () => {
    const s = must(scenario, withProposal, 'trans', { type: 'accept', version: v(withProposal), proposalId: 'p1' });
    expect(s.version).toBe(withProposal.version + 1);
    expect(s.proposals[0].status).toBe('accepted');
    expect(s.agreements).toEqual([
      { id: 'a2', proposalId: 'p1', parties: ['dest', 'trans'], commitments: withProposal.proposals[0].commitments, fromRound: 1, toRound: 2 },
    ]);
  });

  it('replaces a countered proposal with the counter, addressed back', () => {
    const s = must(scenario, withProposal, 'trans', { type: 'counter', version: v(withProposal), proposalId: 'p1', commitments: [{ seat: 'trans', instrument: 'guard', amount: 5 }], rounds: 1 });
    expect(s.proposals.map((p) => [p.id, p.status, p.from, p.to, p.parent])).toEqual([
      ['p1', 'countered', 'dest', 'trans', null],
      ['p2', 'open', 'trans', 'dest', 'p1'],
    ]);
  });

  it('fills instruments left out of a decision with the policy in force', () => {
    expect(decided.seats.trans.decision).toEqual({ guard: 5, accept: 0, loosen: 0 });
    expect(decided.seats.trans.submitted).toBe(true);
  });

  it('lets open proposals lapse when negotiation ends', () => {
    expect(advanceTo(scenario, withProposal, 'decision').proposals[0].status).toBe('lapsed');
  });

  it('keeps chat text exactly as typed, markup included: escaping is the renderer\'s job', () => {
    const s = must(scenario, negotiation, 'trans', { type: 'chat', version: v(negotiation), to: 'dest', text: '<script>alert(1)</script>' });
    expect(s.chat[0]).toMatchObject({ from: 'trans', to: 'dest', text: '<script>alert(1)</script>' });
  });
});

describe('a proposal between two other seats', () => {
  const three = shipped('hemisphere-2023');
  const talks = advanceTo(three, createGame(three, 5), 'negotiation');
  const guard = three.instruments.find((i) => i.seat === 'mx' && i.commit === 'atLeast')!;
  const offered = must(three, talks, 'us', { type: 'propose', version: talks.version, to: 'mx', commitments: [{ seat: 'mx', instrument: guard.id, amount: guard.param.min + guard.param.step }], rounds: 1 });
  const id = offered.proposals[0].id;

  it.each(['accept', 'reject', 'withdraw'] as const)('is refused to a third seat that tries to %s it exactly as a proposal that does not exist', (type) => {
    const refusal = (proposalId: string) => {
      const applied = applyMove(three, offered, 'pa', { type, version: offered.version, proposalId } as Move);
      return applied.ok ? null : applied.rejection.code;
    };
    expect(refusal(id)).toBe('proposal/unknown');
    expect(refusal('p999')).toBe('proposal/unknown');
  });

  it('cannot be countered by a third seat either', () => {
    const applied = applyMove(three, offered, 'pa', { type: 'counter', version: offered.version, proposalId: id, commitments: [{ seat: 'us', instrument: three.instruments.find((i) => i.seat === 'us')!.id, amount: 0 }], rounds: 1 });
    expect(applied.ok ? null : applied.rejection.code).toBe('proposal/unknown');
  });
});
