import { describe, expect, it } from 'vitest';
import { createGame, type GameState, type Move } from '../../shared/rules/index.ts';
import { agreementName, proposalName, startOfLine, topicsOf } from '../../client/ui/deal-names.ts';
import { advanceTo, must } from './fixtures/play.ts';
import { usMexico2019 } from './fixtures/moments.ts';

const s = usMexico2019();
const move = (state: GameState, body: Record<string, unknown>): Move => ({ ...body, version: state.version }) as Move;

/**
 * Built through the public rules: Mexico offers guards for no tariff, which the US accepts;
 * the US then offers aid for returns, Mexico counters with guards and asylum for aid and a
 * pathway, and the US accepts the counter.
 */
function negotiated(): GameState {
  let g = advanceTo(s, createGame(s, 2019), 'negotiation');
  g = must(s, g, 'mx', move(g, { type: 'propose', to: 'us', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 12 }, { seat: 'us', instrument: 'us_tariff', amount: 0 }], rounds: 2 }));
  g = must(s, g, 'us', move(g, { type: 'accept', proposalId: g.proposals.at(-1)!.id }));
  g = must(s, g, 'us', move(g, { type: 'propose', to: 'mx', commitments: [{ seat: 'us', instrument: 'us_aid', amount: 100 }, { seat: 'mx', instrument: 'mx_returns', amount: 5000 }], rounds: 1 }));
  g = must(s, g, 'mx', move(g, {
    type: 'counter',
    proposalId: g.proposals.at(-1)!.id,
    commitments: [
      { seat: 'mx', instrument: 'mx_guard', amount: 15 },
      { seat: 'mx', instrument: 'mx_asylum', amount: 5 },
      { seat: 'us', instrument: 'us_aid', amount: 100 },
      { seat: 'us', instrument: 'us_pathway', amount: 1000 },
    ],
    rounds: 1,
  }));
  g = must(s, g, 'us', move(g, { type: 'accept', proposalId: g.proposals.at(-1)!.id }));
  return g;
}

describe('what players call proposals and agreements', () => {
  const g = negotiated();
  const ids = g.proposals.map((p) => p.id);

  it('numbers each seat’s own offers in the order it made them, a counter included', () => {
    expect(ids.map((id) => proposalName(s, 'en', g.proposals, id))).toEqual(['Mexico offer 1', 'United States offer 1', 'Mexico offer 2']);
    expect(ids.map((id) => proposalName(s, 'es', g.proposals, id))).toEqual(['oferta 1 de México', 'oferta 1 de Estados Unidos', 'oferta 2 de México']);
  });

  it('names an agreement by its number and by what the proposer gave for what the other side gave', () => {
    expect(g.agreements.map((a) => agreementName(s, 'en', g, a.id))).toEqual([
      'Agreement 1: enforcement for tariffs',
      'Agreement 2: enforcement and asylum processing for aid and legal pathways',
    ]);
    expect(g.agreements.map((a) => agreementName(s, 'es', g, a.id))).toEqual([
      'Acuerdo 1: contención a cambio de aranceles',
      'Acuerdo 2: contención y asilo a cambio de ayuda y vías legales',
    ]);
  });

  it('names each topic once, and a one-sided agreement by its one side', () => {
    expect(topicsOf(s, 'en', [{ seat: 'us', instrument: 'us_returns', amount: 10 }, { seat: 'mx', instrument: 'mx_returns', amount: 10 }])).toBe('returns');
    const oneSided = { ...g, agreements: [{ ...g.agreements[0]!, commitments: [{ seat: 'us', instrument: 'us_tariff', amount: 0 }] }] };
    expect(agreementName(s, 'en', oneSided, oneSided.agreements[0]!.id)).toBe('Agreement 1: tariffs');
  });

  it('starts a line with a capital', () => {
    expect(startOfLine('es', proposalName(s, 'es', g.proposals, ids[0]!))).toBe('Oferta 1 de México');
    expect(startOfLine('en', proposalName(s, 'en', g.proposals, ids[0]!))).toBe('Mexico offer 1');
  });

  it('falls back to the record’s id for a proposal or agreement this view does not hold', () => {
    expect(proposalName(s, 'en', g.proposals, 'p99')).toBe('p99');
    expect(agreementName(s, 'en', g, 'a99')).toBe('a99');
  });
});
