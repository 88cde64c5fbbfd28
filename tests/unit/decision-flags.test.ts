import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGame, playerView, type Move } from '../../shared/rules/index.ts';
import { Scenario } from '../../shared/scenario/schema.ts';
import { decisionFlags, mostPressing } from '../../shared/scoring/flags.ts';
import { scoreDecision } from '../../shared/scoring/score-decision.ts';
import { advanceTo } from './fixtures/play.ts';

const mexico = Scenario.parse(JSON.parse(readFileSync(new URL('../../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
const talks = () => advanceTo(mexico, createGame(mexico, 2019), 'negotiation');

describe('the flags a move raises before it is sent', () => {
  it('reads the same from the seat\'s own view as the card later reads from the table', () => {
    const s = talks();
    const moves: [string, Move][] = [
      ['us', { type: 'propose', version: s.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 25 }, { seat: 'mx', instrument: 'mx_returns', amount: 30000 }], rounds: 2 }],
      ['mx', { type: 'threaten', version: s.version, target: 'us', demand: { instrument: 'us_aid', amount: 200 }, consequence: { instrument: 'mx_loosen', amount: 5 }, dueRound: 1 }],
      ['mx', { type: 'promise', version: s.version, target: 'us', condition: { instrument: 'us_aid', amount: 200 }, reward: { instrument: 'mx_guard', amount: 15 }, dueRound: 1 }],
    ];
    for (const [seat, move] of moves) {
      expect(decisionFlags(mexico, playerView(s, seat), seat, move).flags).toEqual(scoreDecision(mexico, s, 3, seat, move).flags);
    }
  });

  it('names the partner\'s shortfall with its numbers: receiving 30,000 returns takes 100 capacity points against Mexico\'s 60', () => {
    const s = talks();
    const raised = decisionFlags(mexico, playerView(s, 'us'), 'us', { type: 'propose', version: s.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 25 }, { seat: 'mx', instrument: 'mx_returns', amount: 30000 }], rounds: 2 });
    expect(raised.flags).toEqual(['partner-over-capacity']);
    expect(raised.params['partner-over-capacity']).toEqual({ needed: 100, capacity: 60 });
  });

  it('warns of a threat with little credibility behind it, and a plain offer raises nothing', () => {
    const s = talks();
    const weak = structuredClone(s);
    weak.seats.us!.indicators.credibility = 20;
    const threat: Move = { type: 'threaten', version: s.version, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 10 }, dueRound: 1 };
    expect(decisionFlags(mexico, playerView(s, 'us'), 'us', threat).flags).toEqual([]);
    expect(decisionFlags(mexico, playerView(weak, 'us'), 'us', threat)).toMatchObject({ flags: ['weak-threat'], params: { 'weak-threat': { credibility: 20 } } });
  });

  it('puts the most pressing flag first: capacity before credibility', () => {
    expect(mostPressing(['weak-threat', 'self-harming-threat', 'over-capacity'])).toBe('over-capacity');
    expect(mostPressing(['weak-threat', 'empty-threat-record'])).toBe('empty-threat-record');
    expect(mostPressing([])).toBeNull();
  });
});
