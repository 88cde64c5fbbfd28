import { describe, expect, it } from 'vitest';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { cardModel, costScale } from '../../client/ui/card-model.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();

/** A sealed decision's card as the scorer sends it: figures chosen so each field reads apart. */
const card: FrameworkCard = {
  seq: 7,
  seat: 'mx',
  round: 2,
  move: { type: 'decide', version: 3, levels: { mx_guard: 12 } },
  classification: { instrument: 'cooperative', aim: null, leverage: [], bargaining: 'positive-sum' },
  ledger: { costs: { political: 4, reputational: -1.5, implementation: 0 }, concessions: 2.25, harmsAverted: 0 },
  evaluation: { score: 71.6, label: 'good', expected: 48.125, best: 50.5, baseline: 47, bestAlternative: null, alternatives: 5, horizon: 3 },
  case: 'none',
  flags: [],
  explanation: [],
};

describe('cardModel: one framework card in words and figures', () => {
  it('names the card, its rating, its projected outcome and its classification', () => {
    const m = cardModel(s, null, card, costScale([card]));
    expect(m).toMatchObject({
      id: 'fw-card-7',
      seq: 7,
      label: 'good',
      mark: '✓',
      labelText: 'Good',
      heading: 'Round 2 · Sealed decision',
      score: '72 of 100',
      projected: 'Projected outcome at round 3: 48.13 (best option: 50.5)',
      better: null,
      historical: null,
    });
    expect(m.chips).toEqual([
      { name: 'Instrument', value: 'Cooperative' },
      { name: 'Aim', value: 'none (no leverage activated)' },
      { name: 'Leverage', value: 'none' },
      { name: 'Bargaining', value: 'Positive-sum' },
    ]);
    expect(m.gains).toEqual([
      { name: 'Concessions gained', value: '2.25' },
      { name: 'Harms averted', value: '0' },
    ]);
  });

  it('draws each cost against the largest on the list: a saving is marked, a zero draws nothing, a sliver never less than 1.5%', () => {
    const big: FrameworkCard = { ...card, seq: 8, ledger: { ...card.ledger, costs: { political: 400, reputational: 0, implementation: 0 } } };
    const scale = costScale([card, big]);
    expect(scale).toBe(400);
    expect(cardModel(s, null, card, scale).costs).toEqual([
      { name: 'Political', value: '4', width: '1.5%', saving: false },
      { name: 'Reputational', value: '-1.5', width: '1.5%', saving: true },
      { name: 'Implementation', value: '0', width: '0.0%', saving: false },
    ]);
    expect(cardModel(s, null, card, costScale([card])).costs.map((c) => c.width)).toEqual(['100.0%', '37.5%', '0.0%']);
  });
});
