import type { Commitment, Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { locale, t } from '../i18n/index.ts';
import { proposalName } from '../ui/deal-names.ts';
import { amountWithUnit, describeUse, instrumentName, seatName } from '../ui/names.ts';

/** A framework card's move, and the better option it names, told in words rather than as data. */

/** "Mexico commits to National Guard deployment at least 10 thousand personnel; United States commits to …". */
function terms(scenario: Scenario, commitments: readonly Commitment[]): string {
  const seats = [...new Set(commitments.map((c) => c.seat))];
  return seats
    .map((seat) => {
      const uses = commitments.filter((c) => c.seat === seat).map((c) => describeUse(scenario, c));
      return `${t('proposal.seatHeading', { seat: seatName(scenario, seat) })} ${uses.join(', ')}`;
    })
    .join('; ');
}

function duration(rounds: number): string {
  return t('common.rounds', { count: rounds });
}

/** "Decide: National Guard deployment 15 thousand personnel, Returns accepted 0 people". */
function levels(scenario: Scenario, chosen: Readonly<Record<string, number>>): string {
  const entries = Object.entries(chosen);
  if (entries.length === 0) return t('cards.words.decideNothing');
  return t('cards.words.decide', { levels: entries.map(([id, amount]) => `${instrumentName(scenario, id)} ${amountWithUnit(scenario, id, amount)}`).join(', ') });
}

/**
 * One move as a sentence. Answers to a proposal quote its terms when the seat can still
 * see it on the table (`state` is the seat's own latest view).
 */
export function describeMove(scenario: Scenario, state: GameState | null, move: Move): string {
  const named = (proposalId: string): string => (state === null ? proposalId : proposalName(scenario, locale(), state.proposals, proposalId));
  switch (move.type) {
    case 'propose':
      return t('cards.words.propose', { to: seatName(scenario, move.to), terms: terms(scenario, move.commitments), duration: duration(move.rounds) });
    case 'counter':
      return t('cards.words.counter', { id: named(move.proposalId), terms: terms(scenario, move.commitments), duration: duration(move.rounds) });
    case 'accept':
    case 'reject': {
      const proposal = state?.proposals.find((p) => p.id === move.proposalId);
      if (proposal === undefined) return t(move.type === 'accept' ? 'cards.words.accept' : 'cards.words.reject', { id: named(move.proposalId) });
      return t(move.type === 'accept' ? 'cards.words.acceptTerms' : 'cards.words.rejectTerms', { id: named(move.proposalId), terms: terms(scenario, proposal.commitments) });
    }
    case 'withdraw':
      return t('cards.words.withdraw', { id: named(move.proposalId) });
    case 'threaten':
      return t('cards.words.threaten', {
        target: seatName(scenario, move.target),
        demand: describeUse(scenario, move.demand),
        due: move.dueRound,
        consequence: describeUse(scenario, move.consequence, true),
      });
    case 'promise':
      return t('cards.words.promise', {
        target: seatName(scenario, move.target),
        condition: describeUse(scenario, move.condition),
        due: move.dueRound,
        reward: describeUse(scenario, move.reward),
      });
    case 'chat':
      return t('cards.words.chat', { to: seatName(scenario, move.to) });
    case 'decide':
      return levels(scenario, move.levels);
    case 'ready':
      return t('cards.words.ready');
  }
}

/** Another set of levels told by what it changes: the reader already sees the levels chosen. */
function levelsChanged(scenario: Scenario, made: Readonly<Record<string, number>>, better: Readonly<Record<string, number>>): string | null {
  const changed = Object.entries(better).filter(([id, amount]) => made[id] !== amount);
  if (changed.length === 0 || changed.length === Object.keys(better).length) return null;
  return t('cards.words.decideExcept', { levels: changed.map(([id, amount]) => `${instrumentName(scenario, id)} ${amountWithUnit(scenario, id, amount)}`).join(', ') });
}

/** The option that beat this decision clearly, in words; null when the decision was about as good as any. */
export function describeBetter(scenario: Scenario, state: GameState | null, card: FrameworkCard): string | null {
  const better = card.evaluation.bestAlternative;
  if (better === null) return null;
  if (better.kind === 'pass') return t('cards.better', { move: t('cards.words.pass') });
  const made = card.move;
  const diff = made.type === 'decide' && better.move.type === 'decide' ? levelsChanged(scenario, made.levels, better.move.levels) : null;
  return t('cards.better', { move: diff ?? describeMove(scenario, state, better.move) });
}
