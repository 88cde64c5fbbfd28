import type { CardRelease } from '../../shared/protocol.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';

/**
 * Whether a seat may read a card now, under the game's setting: 'immediate' as soon as
 * it is scored; 'round' once the decision's round has resolved, so a card cannot coach
 * a player through the round it is about; 'end' once the game is over.
 */
export function isReleased(release: CardRelease, card: FrameworkCard, state: GameState): boolean {
  switch (release) {
    case 'immediate':
      return true;
    case 'round':
      return state.phase === 'ended' || state.round > card.round || (state.round === card.round && (state.phase === 'resolution' || state.phase === 'debrief'));
    case 'end':
      return state.phase === 'ended';
  }
}
