import type { Delayed, Room } from '@colyseus/core';
import { TABLE_RULE } from '../../shared/actor.ts';
import type { Seating } from './seating.ts';
import type { TableGame } from './table-game.ts';

/**
 * A game of its own ends when no one uses it, so a table left behind does not hold a room,
 * its bots or its clock for ever: one whose link no one used, or whose players have all gone
 * (past their reconnection window), ends after `openGameExpirySeconds`. Anyone coming back in
 * time keeps it. A class's tables are the session's to end, and never expire here.
 */
export class OpenGameExpiry {
  private readonly clock: Room['clock'];
  private readonly table: TableGame;
  private readonly seating: Seating;
  /** Set while a game of its own has no player connected: it ends when this runs out. */
  private abandoned: Delayed | null = null;

  constructor(clock: Room['clock'], table: TableGame, seating: Seating) {
    this.clock = clock;
    this.table = table;
    this.seating = seating;
  }

  private get afterMs(): number {
    return this.table.deps.openGameExpirySeconds * 1000;
  }

  /** The room has opened: an unused game of its own is given its grace; one restored with seats taken ends if no one comes back. */
  opened(): void {
    if (this.table.state.phase === 'ended') return;
    if (this.table.game.session === null && !this.seating.anyTaken()) this.clock.setTimeout(() => this.expireUnseated(), this.afterMs);
    else this.watch();
  }

  /** Someone came, went or came back: the countdown starts when the last player has gone, and stops when one is back. */
  watch(): void {
    this.abandoned?.clear();
    this.abandoned = null;
    if (this.table.game.session !== null || this.table.state.phase === 'ended' || !this.seating.anyTaken()) return;
    if (this.seating.connectedMembers().length > 0) return;
    this.abandoned = this.clock.setTimeout(() => {
      this.abandoned = null;
      this.table.enqueue(async () => {
        if (this.table.state.phase === 'ended') return;
        if (this.seating.connectedMembers().length > 0) return void this.table.log.info('game kept: a player came back');
        const outcome = await this.table.steer({ type: 'end' }, TABLE_RULE);
        if (outcome.ok) this.table.log.info({ afterSeconds: this.table.deps.openGameExpirySeconds }, 'game expired: every player left');
      });
    }, this.afterMs);
  }

  private expireUnseated(): void {
    this.table.enqueue(async () => {
      if (this.table.state.phase === 'ended') return;
      if (this.seating.anyTaken()) return void this.table.log.info('open game kept: a seat is taken');
      const outcome = await this.table.steer({ type: 'end' }, TABLE_RULE);
      if (outcome.ok) this.table.log.info({ afterSeconds: this.table.deps.openGameExpirySeconds }, 'game expired: no one took a seat');
    });
  }
}
