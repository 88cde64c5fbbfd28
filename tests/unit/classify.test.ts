import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import type { GameState, Move } from '../../shared/rules/index.ts';
import { classifyMove } from '../../shared/scoring/classify.ts';
import { closestCase, renderSentence } from '../../shared/scoring/explain.ts';
import { momentOf } from '../../shared/scoring/moment.ts';
import { scoreDecision } from '../../shared/scoring/score-decision.ts';
import { BUILT_IN_CASES } from '../../shared/scoring/cases.ts';
import { InstrumentClass, Aim } from '../../shared/framework.ts';
import { shipped, talks } from './fixtures/moments.ts';

const read = (scenarioId: string, state: GameState, seat: string, move: Move) => {
  const scenario = shipped(scenarioId);
  return classifyMove(scenario, state, momentOf(scenario, state, seat), move);
};

/** A copy of `state` with some levels already in force. */
function withLevels(state: GameState, levels: Record<string, Record<string, number>>): GameState {
  const next = structuredClone(state);
  for (const [seat, policy] of Object.entries(levels)) Object.assign(next.seats[seat].policy, policy);
  return next;
}

describe('aims follow the activation of leverage (FRAMEWORK §1)', () => {
  it('reads the Ethiopia jobs compact as a positive-sum exchange with no aim, whichever side proposes it', () => {
    const s = talks(shipped('ethiopia-jobs-compact'));
    const fromEthiopia: Move = { type: 'propose', version: s.version, to: 'donors', rounds: 2, commitments: [{ seat: 'et', instrument: 'et_jobs', amount: 4 }, { seat: 'donors', instrument: 'do_compact', amount: 100 }] };
    const fromDonors: Move = { ...fromEthiopia, to: 'et' };
    expect(read('ethiopia-jobs-compact', s, 'et', fromEthiopia)).toEqual({ instrument: 'cooperative', aim: null, leverage: ['pathways'] });
    expect(read('ethiopia-jobs-compact', s, 'donors', fromDonors)).toEqual({ instrument: 'cooperative', aim: null, leverage: ['money'] });
    const card = scoreDecision(shipped('ethiopia-jobs-compact'), s, 1, 'et', fromEthiopia);
    expect(card.explanation[0].key).toBe('concept.exchange');
  });

  it('reads Turkey selling control of departures and readmissions for money as extractive, like the 2016 statement', () => {
    const scenario = shipped('eu-turkey-2016');
    const s = talks(scenario);
    const move: Move = { type: 'propose', version: s.version, to: 'eu', rounds: 2, commitments: [{ seat: 'tr', instrument: 'tr_coastguard', amount: 10 }, { seat: 'tr', instrument: 'tr_readmission', amount: 10000 }, { seat: 'eu', instrument: 'eu_facility', amount: 750 }] };
    const reading = read('eu-turkey-2016', s, 'tr', move);
    expect(reading).toEqual({ instrument: 'cooperative', aim: 'extractive', leverage: ['flows', 'returns'] });
    expect(closestCase(scenario, { ...reading, bargaining: 'positive-sum' }, 'transit').id).toBe('eu-turkey-2016');
  });

  it('reads the European side of the same bundle, money for control, as an exchange with no aim', () => {
    const s = talks(shipped('eu-turkey-2016'));
    const move: Move = { type: 'propose', version: s.version, to: 'tr', rounds: 2, commitments: [{ seat: 'tr', instrument: 'tr_coastguard', amount: 10 }, { seat: 'eu', instrument: 'eu_facility', amount: 750 }] };
    expect(read('eu-turkey-2016', s, 'eu', move)).toEqual({ instrument: 'cooperative', aim: null, leverage: ['money'] });
  });

  it('reads refusing returns pushed on Mexico as defensive, not punitive', () => {
    const s = withLevels(talks(shipped('us-mexico-2019')), { mx: { mx_returns: 10000 }, us: { us_returns: 20000 } });
    const refuse: Move = { type: 'decide', version: s.version, levels: { mx_returns: 0 } };
    expect(read('us-mexico-2019', s, 'mx', refuse)).toEqual({ instrument: 'unilateral', aim: 'defensive', leverage: ['returns'] });
  });

  it('reads loosening controls as punitive only when a harm has been done, extractive otherwise', () => {
    const calm = talks(shipped('us-mexico-2019'));
    const loosen: Move = { type: 'decide', version: calm.version, levels: { mx_loosen: 4 } };
    expect(read('us-mexico-2019', calm, 'mx', loosen)).toEqual({ instrument: 'unilateral', aim: 'extractive', leverage: ['flows'] });
    // A request for returns is pressure, not a harm done: still no retaliation to speak of.
    expect(read('us-mexico-2019', withLevels(calm, { us: { us_returns: 20000 } }), 'mx', loosen).aim).toBe('extractive');
    expect(read('us-mexico-2019', withLevels(calm, { us: { us_tariff: 10 } }), 'mx', loosen).aim).toBe('punitive');
  });

  it('reads a tariff threat for enforcement as coercive and extractive', () => {
    const s = talks(shipped('us-mexico-2019'));
    const threat: Move = { type: 'threaten', version: s.version, target: 'mx', demand: { instrument: 'mx_guard', amount: 15 }, consequence: { instrument: 'us_tariff', amount: 5 }, dueRound: 1 };
    expect(read('us-mexico-2019', s, 'us', threat)).toEqual({ instrument: 'coercive', aim: 'extractive', leverage: ['trade'] });
  });

  it('reads Mexico conceding enforcement only to lift the tariff as defensive', () => {
    const s = withLevels(talks(shipped('us-mexico-2019')), { us: { us_tariff: 5 } });
    const move: Move = { type: 'propose', version: s.version, to: 'us', rounds: 2, commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 15 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }] };
    expect(read('us-mexico-2019', s, 'mx', move)).toEqual({ instrument: 'cooperative', aim: 'defensive', leverage: ['flows'] });
  });
});

describe('the closest historical case', () => {
  const scenarios = readdirSync(new URL('../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.json') && f !== 'schema.json').map((f) => shipped(f.replace(/\.json$/, '')));

  it('is always a case of the seat\'s own role (or of no role), for every reading in every scenario', () => {
    for (const scenario of scenarios) {
      for (const role of ['destination', 'transit'] as const) {
        for (const instrument of InstrumentClass.options) {
          for (const aim of [...Aim.options, null]) {
            const c = closestCase(scenario, { instrument, aim, leverage: [], bargaining: 'zero-sum' }, role);
            expect([role, undefined], `${scenario.id} ${role} ${instrument} ${aim} → ${c.id}`).toContain(c.role);
          }
        }
      }
    }
  });

  it('is named in a grammatical sentence in both languages', () => {
    for (const scenario of scenarios) {
      for (const c of [...scenario.cases, ...BUILT_IN_CASES]) {
        const sentence = { key: 'case.resembles', params: { case: `@case:${c.id}`, text: `@case-text:${c.id}` } };
        const en = renderSentence(scenario, sentence, 'en');
        const es = renderSentence(scenario, sentence, 'es');
        expect(en).toBe(`The closest historical case is ${c.title.en}. ${c.text.en}`);
        expect(es).toBe(`El caso histórico más cercano es ${c.title.es}. ${c.text.es}`);
        // A title opens with a name, so it may stand mid-sentence with its capital.
        const names = /^(?:EU|United States|Estados Unidos|Mexico|México|Ethiopia|Etiopía|Guinea|Greece|Grecia|Jordan|Jordania|Libya|Libia|Tamaulipas|Venezuela|Turkey|UE|CHNV)\b/;
        expect(c.title.en, c.id).toMatch(names);
        expect(c.title.es, c.id).toMatch(names);
        expect(`${en} ${es}`).not.toMatch(/\b(?:a|de) (?:el|El) /);
      }
    }
  });
});
