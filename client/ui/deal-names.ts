import { findInstrument } from '../../shared/rules/instruments.ts';
import type { Commitment } from '../../shared/rules/moves.ts';
import type { Agreement, GameState, Proposal } from '../../shared/rules/state.ts';
import type { Locale, Scenario } from '../../shared/scenario/schema.ts';
import { translate } from '../i18n/index.ts';
import { LOCALE_TAG } from '../i18n/message.ts';

/**
 * What players call a proposal or an agreement, instead of the record's `p1` or `a3`:
 * "United States offer 2" is the second offer the United States made in this game, and
 * "Agreement 1: tariffs for enforcement" the first agreement, named by what the proposer
 * gave for what the other side gave. The names follow from the game's record alone, so
 * both seats, the review and the debrief call the same thing by the same name.
 */

export type Deals = Pick<GameState, 'proposals' | 'agreements'>;

function seatName(scenario: Scenario, locale: Locale, seatId: string): string {
  return scenario.seats.find((s) => s.id === seatId)?.name[locale] ?? seatId;
}

/** A name that starts a line (a heading) with a capital, as a name inside a sentence does not in Spanish: "Oferta 2 de México". */
export function startOfLine(locale: Locale, name: string): string {
  return name.charAt(0).toLocaleUpperCase(LOCALE_TAG[locale]) + name.slice(1);
}

/** "United States offer 2" ("oferta 2 de Estados Unidos"); the record's id when the proposal is not in this view. */
export function proposalName(scenario: Scenario, locale: Locale, proposals: readonly Proposal[], proposalId: string): string {
  const proposal = proposals.find((p) => p.id === proposalId);
  if (proposal === undefined) return proposalId;
  const n = proposals.filter((p) => p.from === proposal.from).indexOf(proposal) + 1;
  return translate(locale, 'deal.offer', { seat: seatName(scenario, locale, proposal.from), n });
}

/** What one side's commitments are about, once each, in the order given: "tariffs and aid". */
export function topicsOf(scenario: Scenario, locale: Locale, commitments: readonly Commitment[]): string {
  const topics: string[] = [];
  for (const c of commitments) {
    const effect = findInstrument(scenario, c.instrument)?.effect;
    const topic = effect === undefined ? c.instrument : translate(locale, `deal.topic.${effect}`);
    if (!topics.includes(topic)) topics.push(topic);
  }
  return new Intl.ListFormat(LOCALE_TAG[locale], { type: 'conjunction' }).format(topics);
}

/** "Agreement 1: tariffs for enforcement", the proposer's side first; the record's id when the agreement is not in this view. */
export function agreementName(scenario: Scenario, locale: Locale, deals: Deals, agreementId: string): string {
  const index = deals.agreements.findIndex((a) => a.id === agreementId);
  const agreement: Agreement | undefined = deals.agreements[index];
  if (agreement === undefined) return agreementId;
  const proposer = deals.proposals.find((p) => p.id === agreement.proposalId)?.from ?? agreement.parties[0];
  const sides = [proposer, ...agreement.parties.filter((s) => s !== proposer)]
    .map((seat) => agreement.commitments.filter((c) => c.seat === seat))
    .filter((side) => side.length > 0)
    .map((side) => topicsOf(scenario, locale, side));
  const terms = sides.length === 2 ? translate(locale, 'deal.exchange', { given: sides[0] ?? '', taken: sides[1] ?? '' }) : new Intl.ListFormat(LOCALE_TAG[locale], { type: 'conjunction' }).format(sides);
  return translate(locale, 'deal.agreement', { n: index + 1, terms });
}
