import type { Room } from '@colyseus/core';
import type { Logger } from 'pino';
import type { Refusal } from '../../shared/protocol.ts';
import { advanceActor, type Actor } from '../../shared/actor.ts';
import type { GameRecord, RecordEntry } from '../../shared/record.ts';
import { advancePhase, applyMove, canAdvanceEarly, endGame, injectEvent, phaseSeconds } from '../../shared/rules/index.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { SCORED_MOVES, type FrameworkCard } from '../../shared/scoring/card.ts';
import { HeldCards } from '../scoring/held-cards.ts';
import { decisionsOf } from '../scoring/record-decisions.ts';
import type { Lane, ScoringJob } from '../scoring/scorer.ts';
import { StoreBusyError } from '../store/group-commit.ts';
import type { StoredGame } from '../store/store.ts';
import { RESTORE_GRACE_SECONDS } from './limits.ts';
import { recordStage } from './move-path.ts';
import { refusal } from './refusals.ts';
import type { RoomDeps } from './room-deps.ts';
import { TableClock } from './table-clock.ts';
import type { TableCommand, TableOutcome } from './table-commands.ts';
import { TableActivity } from './table-dashboard.ts';

type AdvanceReason = Extract<RecordEntry, { kind: 'advance' }>['reason'];

/** What became of an append: stored, refused because the store is overloaded, or failed. */
type Appended = 'stored' | 'busy' | 'failed';

/**
 * What the table tells the room around it: the state changed (send views), cards came due
 * (send them), a decision was scored (the instructor's dashboard shows its label at once).
 */
export type TableListener = { changed(): void; cardsDue(cards: FrameworkCard[]): void; cardScored(card: FrameworkCard): void };

const OK: TableOutcome = { ok: true };

/**
 * One game's authority: the rules, the record and the phase clock. Every change runs in
 * one queue and follows one path: check with the rules → append to the store → adopt the
 * new state → tell the room. It knows nothing of connections; the room does.
 */
export class TableGame {
  readonly deps: RoomDeps;
  readonly log: Logger;
  readonly game: StoredGame;
  readonly scenario: Scenario;
  readonly clock: TableClock;
  readonly cards: HeldCards;
  /** When seats last moved and the latest decisions: what the session's dashboard shows. */
  readonly activity: TableActivity;
  state: GameState;
  /**
   * A practice game: its one player holds the clock for a break, and play goes on while it
   * is held (bots move, the table moves on when everyone is ready). At any other table a
   * hold freezes the table. The room says which a table is, from who sits there.
   */
  selfPaced = false;
  /** Play has begun: until then the table waits in its lobby, with no phase clock and no moves. */
  private begun: boolean;
  private nextSeq: number;
  private readonly listener: TableListener;
  /** Moves, timer expiries, advances and controls run one after another, never interleaved around an await. */
  private queue: Promise<void> = Promise.resolve();
  /** When each task still waiting in the queue was enqueued, oldest first. */
  private readonly waitingSince: number[] = [];

  private constructor(deps: RoomDeps, game: StoredGame, scenario: Scenario, record: GameRecord, cards: FrameworkCard[], clock: Room['clock'], listener: TableListener) {
    this.deps = deps;
    this.log = deps.log.child({ gameId: game.gameId });
    this.game = game;
    this.scenario = scenario;
    const replayed = TableActivity.replay(scenario, record, cards);
    this.state = replayed.state;
    this.activity = replayed.activity;
    this.nextSeq = (record.entries.at(-1)?.seq ?? 0) + 1;
    // A fork begins with its parent's entries: it has begun once it has some of its own.
    this.begun = record.entries.length > (game.parent?.step ?? 0);
    this.cards = new HeldCards(game.cards, cards, this.state);
    this.listener = listener;
    this.clock = new TableClock(clock, (phaseVersion) =>
      // An early advance may have been queued first: this expiry then belongs to a phase already over.
      this.enqueue(async () => {
        if (this.state.phaseVersion === phaseVersion && !this.clock.paused && this.begun) await this.advance('timer');
      }),
    );
  }

  /** Loads the game and its record, restores its clock, and scores any decision the last server left unscored. */
  static async open(deps: RoomDeps, game: StoredGame, scenario: Scenario, clock: Room['clock'], listener: TableListener): Promise<TableGame> {
    const record = await deps.store.loadRecord(game.gameId);
    if (record === null) throw new Error(`game ${game.gameId} has no record`);
    const table = new TableGame(deps, game, scenario, record, await deps.store.loadCards(game.gameId), clock, listener);
    const lastAdvance = record.entries.findLast((entry) => entry.kind === 'advance');
    // Opened: a hold or an extension stored for this phase applies, even before the first move.
    // A fork's phase starts when the fork was made, not when its parent's began (the later of the two).
    // A table still in its lobby has no clock: it starts when the room says the seats are filled.
    if (table.begun || table.state.phase === 'ended') await table.enterPhase(Math.max(lastAdvance?.at ?? record.createdAt, record.createdAt), true);
    let rescored = 0;
    for (const job of decisionsOf(scenario, record)) {
      if (table.cards.has(job.seq)) continue;
      table.submit(job, 'catch-up');
      rescored += 1;
    }
    table.log.info({ phase: table.state.phase, round: table.state.round, entries: record.entries.length, rescored }, 'game room opened');
    return table;
  }

  get gameId(): string {
    return this.game.gameId;
  }

  get paused(): boolean {
    return this.clock.paused;
  }

  get deadline(): number | null {
    return this.clock.deadline;
  }

  /** Still in the lobby: seats to fill (or, at a class, a start to wait for) before the first phase's clock runs. */
  get waiting(): boolean {
    return !this.begun && this.state.phase !== 'ended';
  }

  /**
   * The seats are filled: the first phase begins now, with its whole length (or held, if a
   * hold was stored for it: an untimed practice game). The clock is stored at once, so a
   * restart keeps this deadline rather than counting from the game's creation. Run it in the queue.
   */
  async begin(): Promise<boolean> {
    if (!this.waiting) return false;
    this.begun = true;
    await this.enterPhase(Date.now(), true);
    await this.holdChanged();
    this.log.info({ deadline: this.clock.deadline, held: this.clock.paused }, 'table begun: every seat is filled');
    return true;
  }

  /** How long the oldest task still waiting to run has waited (0 when none waits): how far behind the table is. */
  queueWaitMs(now = performance.now()): number {
    const oldest = this.waitingSince[0];
    return oldest === undefined ? 0 : now - oldest;
  }

  enqueue(task: () => Promise<void>): void {
    this.waitingSince.push(performance.now());
    this.queue = this.queue.then(() => {
      this.waitingSince.shift();
      return task();
    }).catch((error: unknown) => {
      this.log.error({ err: error }, 'game room task failed');
    });
  }

  /** A task in the queue whose answer the caller awaits; a failure answers `server/unavailable`. */
  run(task: () => Promise<TableOutcome>): Promise<TableOutcome> {
    return new Promise((resolve) => {
      this.enqueue(async () => {
        try {
          resolve(await task());
        } catch (error) {
          this.log.error({ err: error }, 'a table control failed');
          resolve({ ok: false, code: 'server/unavailable', message: 'The table could not carry this out; nothing changed.' });
        }
      });
    });
  }

  // ---- moves --------------------------------------------------------------------

  /** A seat's move, a student's or a bot's alike (`actor` says which, in the record). Run it inside the queue. */
  async commitMove(seat: string, move: Move, actor: Actor): Promise<Refusal | null> {
    const before = this.state;
    if (this.waiting) return refusal('phase/wrong', 'The game has not begun: it starts once every seat is filled.', move.type);
    const rulesStart = performance.now();
    const applied = applyMove(this.scenario, before, seat, move);
    recordStage('rules', performance.now() - rulesStart);
    if (!applied.ok) return refusal(applied.rejection.code, applied.rejection.message, move.type, applied.rejection.params);
    const entry: RecordEntry = { kind: 'move', seq: this.nextSeq, at: Date.now(), actor, seat, move };
    const commitStart = performance.now();
    const appended = await this.append(entry);
    recordStage('commit', performance.now() - commitStart);
    if (appended === 'busy') return refusal('server/busy', 'The server is too busy to save this move now; nothing changed. Try again in a moment.', move.type);
    if (appended === 'failed') return refusal('server/unavailable', 'The server could not save this move; nothing changed. Try again.', move.type);
    this.state = applied.value.state;
    this.activity.moved(entry.seq, entry.at, seat, move.type, before.round);
    this.listener.changed();
    if (SCORED_MOVES.has(move.type)) this.submit({ scenario: this.scenario, before, seq: entry.seq, seat, move });
    if (canAdvanceEarly(this.state) && (!this.clock.paused || this.selfPaced)) await this.advance('all-ready');
    return null;
  }

  // ---- instructor controls ------------------------------------------------------

  /** Run it inside the queue (see `run`). Announcements are the room's, not the game's. `actor`: the instructor, or the table's own rule. */
  async steer(command: Exclude<TableCommand, { type: 'announce' }>, actor: Actor): Promise<TableOutcome> {
    if (this.state.phase === 'ended') return { ok: false, code: 'game/over', message: 'The game is over.' };
    const now = Date.now();
    switch (command.type) {
      case 'pause':
        if (this.clock.pause(now)) await this.holdChanged();
        return OK;
      case 'resume':
        if (this.clock.resume(now)) {
          await this.holdChanged();
          // Everyone may have pressed ready while the table was held.
          if (canAdvanceEarly(this.state)) await this.advance('all-ready');
        }
        return OK;
      case 'extend':
        if (this.clock.extend(command.seconds * 1000, now)) await this.holdChanged();
        return OK;
      case 'advance':
        // At a table still waiting for a seat, "advance" starts it as it is.
        if (this.waiting) return (await this.begin(), OK);
        return (await this.advance('instructor')) ? OK : unsaved();
      case 'inject': {
        const steered = injectEvent(this.scenario, this.state, command.eventId);
        if (!steered.ok) return { ok: false, ...steered.rejection };
        if ((await this.append({ kind: 'inject', seq: this.nextSeq, at: now, actor, eventId: command.eventId })) !== 'stored') return unsaved();
        this.state = steered.value.state;
        this.listener.changed();
        return OK;
      }
      case 'end': {
        const steered = endGame(this.state);
        if (!steered.ok) return { ok: false, ...steered.rejection };
        if ((await this.append({ kind: 'end', seq: this.nextSeq, at: now, actor })) !== 'stored') return unsaved();
        this.state = steered.value.state;
        await this.enterPhase(now, false);
        this.listener.changed();
        this.releaseCards();
        return OK;
      }
    }
  }

  /** The clock's hold survives a restart: it is stored with the game. */
  private async holdChanged(): Promise<void> {
    try {
      await this.deps.store.saveClock(this.gameId, this.clock.snapshot());
    } catch (error) {
      this.log.error({ err: error }, 'could not save the phase clock; a restart would forget the pause or extension');
    }
    this.listener.changed();
  }

  // ---- phases -------------------------------------------------------------------

  /** False when the advance could not be recorded (nothing changed). */
  private async advance(reason: AdvanceReason): Promise<boolean> {
    if (this.state.phase === 'ended') return false;
    const entry: RecordEntry = { kind: 'advance', seq: this.nextSeq, at: Date.now(), actor: advanceActor(reason), reason };
    if ((await this.append(entry)) !== 'stored') {
      // Retry on the next tick of the timer rather than lose the phase change.
      if (!this.clock.paused) this.clock.start(this.state.phaseVersion, Date.now() + 1000, Date.now());
      return false;
    }
    this.state = advancePhase(this.scenario, this.state).state;
    await this.enterPhase(entry.at, false);
    this.listener.changed();
    this.releaseCards();
    return true;
  }

  /** Starts the phase's clock (held, if the instructor holds the table), or winds the game up when it has ended. */
  private async enterPhase(startedAt: number, restoring: boolean): Promise<void> {
    const now = Date.now();
    if (this.state.phase === 'ended') {
      this.clock.stop();
      await this.deps.store.markFinished(this.gameId);
      this.log.info('game ended');
      return;
    }
    const length = phaseSeconds(this.scenario, this.state.phase, this.game.timers) * 1000;
    let deadline = startedAt + length;
    if (restoring) {
      const stored = this.game.clock;
      if (stored !== null && stored.phaseVersion === this.state.phaseVersion) {
        if (stored.pausedMs !== null) return this.clock.hold(this.state.phaseVersion, stored.pausedMs);
        if (stored.deadline !== null) deadline = stored.deadline;
      }
      // A deadline that passed while the server was down would skip the phase nobody played.
      if (deadline < now + RESTORE_GRACE_SECONDS * 1000) deadline = Math.max(deadline, now + Math.min(length, RESTORE_GRACE_SECONDS * 1000));
    }
    this.clock.start(this.state.phaseVersion, deadline, now);
    if (this.clock.paused && !restoring) await this.holdChanged();
  }

  /** Durable before anyone sees its effect: a crash loses nothing a player saw accepted. */
  private async append(entry: RecordEntry): Promise<Appended> {
    try {
      await this.deps.store.appendEntry(this.gameId, entry);
    } catch (error) {
      if (error instanceof StoreBusyError) {
        this.log.warn({ seq: entry.seq }, 'the store is overloaded: an entry was refused as busy');
        return 'busy';
      }
      this.log.error({ err: error, seq: entry.seq }, 'could not append to the game record');
      return 'failed';
    }
    this.nextSeq = entry.seq + 1;
    return 'stored';
  }

  // ---- framework cards ---------------------------------------------------------

  /** Scoring runs on a worker and never holds up play; its card joins the queue whenever it is ready. */
  private submit(job: ScoringJob, lane: Lane = 'live'): void {
    this.deps.scorer.score(job, { table: this.gameId, lane, log: this.log }).then(
      (card) => this.enqueue(() => this.receiveCard(card)),
      (error: unknown) => this.log.error({ err: error, seq: job.seq }, 'a decision could not be scored; play goes on without its card'),
    );
  }

  private async receiveCard(card: FrameworkCard): Promise<void> {
    try {
      await this.deps.store.saveCard(this.gameId, card);
    } catch (error) {
      // Still shown: the cards endpoint scores a missing card again from the record.
      this.log.error({ err: error, seq: card.seq }, 'could not save a framework card');
    }
    this.cards.add(card);
    this.activity.scored(card);
    this.listener.cardScored(card);
    this.releaseCards();
  }

  private releaseCards(): void {
    const due = this.cards.due(this.state);
    if (due.length > 0) this.listener.cardsDue(due);
  }
}

function unsaved(): TableOutcome {
  return { ok: false, code: 'server/unavailable', message: 'The server could not save this; nothing changed. Try again.' };
}
