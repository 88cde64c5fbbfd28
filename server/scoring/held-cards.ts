import type { CardRelease } from '../../shared/protocol.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { isReleased } from './release.ts';

/**
 * A live game's cards: scored ones by record seq, and which of them the table has
 * already been told about. A card is announced once, when it is both scored and
 * released; a seat that (re)joins gets all its released cards again in its welcome.
 */
export class HeldCards {
  private readonly release: CardRelease;
  private readonly cards = new Map<number, FrameworkCard>();
  private readonly announced = new Set<number>();

  /** Cards already released at `state` were announced before a restart, if ever: they go out in welcomes only. */
  constructor(release: CardRelease, stored: readonly FrameworkCard[], state: GameState) {
    this.release = release;
    for (const card of stored) {
      this.cards.set(card.seq, card);
      if (isReleased(release, card, state)) this.announced.add(card.seq);
    }
  }

  has(seq: number): boolean {
    return this.cards.has(seq);
  }

  add(card: FrameworkCard): void {
    this.cards.set(card.seq, card);
  }

  /** Cards released at `state` and not announced yet, marked announced: the caller sends them now. */
  due(state: GameState): FrameworkCard[] {
    const due: FrameworkCard[] = [];
    for (const card of this.inOrder()) {
      if (this.announced.has(card.seq) || !isReleased(this.release, card, state)) continue;
      this.announced.add(card.seq);
      due.push(card);
    }
    return due;
  }

  /** Everything `seat` may read at `state`: its own decisions' released cards, by seq. */
  releasedTo(seat: string, state: GameState): FrameworkCard[] {
    return this.inOrder().filter((card) => card.seat === seat && isReleased(this.release, card, state));
  }

  private inOrder(): FrameworkCard[] {
    return [...this.cards.values()].sort((a, b) => a.seq - b.seq);
  }
}
