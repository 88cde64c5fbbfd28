import type { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Locale, Scenario } from '../../shared/scenario/schema.ts';
import { renderSentence } from '../../shared/scoring/explain.ts';
import { byPrecedence, decisionFlags } from '../../shared/scoring/flags.ts';
import type { Flag } from '../../shared/scoring/card.ts';

/** Said elsewhere before sending: the decision brief marks each level that breaks an agreement, and the threat form its own warning. */
const SAID_ELSEWHERE: ReadonlySet<Flag> = new Set(['breaks-agreement']);

/**
 * What the framework would flag on this move, said before it is sent, in the student's
 * language and with its numbers: the same sentences the card will carry. `state` is the
 * seat's own view. Most pressing first.
 */
export function flagWarnings(scenario: Scenario, state: GameState, seat: string, move: Move, locale: Locale): string[] {
  const raised = decisionFlags(scenario, state, seat, move);
  return byPrecedence(raised.flags).filter((flag) => !SAID_ELSEWHERE.has(flag)).map((flag) => renderSentence(scenario, { key: `flag.${flag}`, params: raised.params[flag] }, locale));
}
