import { CloseCode, Room, ServerError } from '@colyseus/core';
import type { Client, Delayed } from '@colyseus/core';
import type { Logger } from 'pino';
import { JoinOptions, MAX_MESSAGE_BYTES } from '../../shared/protocol.ts';
import type { CardsMessage, PlayerView, Refusal, Welcome } from '../../shared/protocol.ts';
import type { RecordEntry } from '../../shared/record.ts';
import { advancePhase, applyMove, canAdvanceEarly, phaseSeconds, playerView, replay } from '../../shared/rules/index.ts';
import { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { SCORED_MOVES, type FrameworkCard } from '../../shared/scoring/card.ts';
import { HeldCards } from '../scoring/held-cards.ts';
import { decisionsOf } from '../scoring/record-decisions.ts';
import type { ScoringJob } from '../scoring/scorer.ts';
import type { StoredGame } from '../store/store.ts';
import { HARD_MESSAGES_PER_SECOND, MAX_CLIENTS_PER_ROOM, RECONNECT_SECONDS, RESTORE_GRACE_SECONDS } from './limits.ts';
import { MessageBudget } from './rate-limit.ts';
import { claimedType, describeIssues, messageBytes, refusal } from './refusals.ts';
import type { GameRoomOptions, RoomDeps } from './room-deps.ts';
import { GameRoomState } from './room-state.ts';
import { hashSeatToken, mintSeatToken } from './seat-token.ts';
import { Seating } from './seating.ts';

/** Everything a live table holds once its game is loaded. */
type Table = {
  deps: RoomDeps;
  log: Logger;
  game: StoredGame;
  scenario: Scenario;
  state: GameState;
  nextSeq: number;
  seating: Seating;
  budget: MessageBudget;
  deadline: number | null;
  timer: Delayed | null;
  /** Framework cards scored so far, held until the game's release setting lets their seat read them. */
  cards: HeldCards;
};

type Reconnection = ReturnType<Room['allowReconnection']>;

/**
 * One game table: a switchboard between connections, the shared rules and the store.
 * parse → applyMove → append to the store → commit → project and send views. It holds
 * no rule of the game; a rule found missing belongs in shared/rules.
 */
export class GameRoom extends Room<{ state: GameRoomState }> {
  maxClients = MAX_CLIENTS_PER_ROOM;
  autoDispose = false;
  maxMessagesPerSecond = HARD_MESSAGES_PER_SECOND;
  state = new GameRoomState();

  private loaded: Table | null = null;
  /** Moves, timer expiries and advances run one after another, never interleaved around an await. */
  private queue: Promise<void> = Promise.resolve();
  /** Plain seat tokens of the sessions connected now, to repeat them in a welcome after a reconnection. */
  private readonly tokens = new Map<string, string>();
  private readonly reconnections = new Map<string, Reconnection>();

  private get table(): Table {
    if (this.loaded === null) throw new Error('game room used before its game was loaded');
    return this.loaded;
  }

  async onCreate(options: GameRoomOptions): Promise<void> {
    const { gameId, deps } = options;
    if (typeof gameId !== 'string' || !deps.openings.has(gameId)) {
      throw new ServerError(403, 'game rooms are opened by the server, not by clients');
    }
    const game = await deps.store.loadGame(gameId);
    const record = await deps.store.loadRecord(gameId);
    if (game === null || record === null) throw new ServerError(404, `no game "${gameId}"`);
    const scenario = deps.catalogue.get(game.scenarioId);
    if (scenario === undefined) throw new ServerError(500, `scenario "${game.scenarioId}" of game "${gameId}" is not loaded`);
    this.roomId = gameId;
    const log = deps.log.child({ gameId });
    const last = record.entries.at(-1);
    const state = replay(scenario, record);
    this.loaded = {
      deps,
      log,
      game,
      scenario,
      state,
      nextSeq: (last?.seq ?? 0) + 1,
      seating: new Seating(scenario.seats.map((seat) => seat.id), await deps.store.loadSeats(gameId)),
      budget: new MessageBudget(deps.messageRate),
      deadline: null,
      timer: null,
      cards: new HeldCards(game.cards, await deps.store.loadCards(gameId), state),
    };
    const lastAdvance = record.entries.findLast((entry) => entry.kind === 'advance');
    await this.enterPhase(lastAdvance?.at ?? record.createdAt, record.entries.length > 0);
    this.project();

    // No validator argument: Colyseus's validator disconnects on failure, and a student must not lose the table.
    this.onMessage('move', (client: Client, raw: unknown) => this.receive(client, 'move', raw));
    this.onMessage('*', (client: Client, type: string | number, raw: unknown) => this.receive(client, String(type), raw));
    // Decisions whose scoring the last server did not finish before it stopped.
    let rescored = 0;
    for (const job of decisionsOf(scenario, record)) {
      if (this.table.cards.has(job.seq)) continue;
      this.submit(job);
      rescored += 1;
    }
    log.info({ phase: this.table.state.phase, round: this.table.state.round, entries: record.entries.length, rescored }, 'game room opened');
  }

  // ---- joining ------------------------------------------------------------------

  onAuth(_client: Client, options: unknown): JoinOptions {
    const parsed = JoinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(400, `cannot join: ${describeIssues(parsed.error)}`);
    const choice = this.table.seating.choose(parsed.data);
    if (choice.kind === 'refuse') throw new ServerError(choice.status, choice.message);
    return parsed.data;
  }

  async onJoin(client: Client, _options: unknown, auth: JoinOptions): Promise<void> {
    const { seating, deps, game } = this.table;
    const store = deps.store;
    // Decided again here, synchronously, so two joins racing for one seat cannot both win.
    const choice = seating.choose(auth);
    switch (choice.kind) {
      case 'refuse':
        throw new ServerError(choice.status, choice.message);
      case 'watch':
        client.send('view', this.viewFor(null));
        return;
      case 'take': {
        const token = mintSeatToken();
        const tokenHash = hashSeatToken(token);
        seating.take(choice.seat, auth.name, tokenHash, client.sessionId);
        this.tokens.set(client.sessionId, token);
        try {
          await store.saveSeat(game.gameId, choice.seat, tokenHash, auth.name);
        } catch (error) {
          seating.vacate(choice.seat);
          this.table.log.error({ err: error, seat: choice.seat }, 'could not save a seat');
          throw new ServerError(503, 'the seat could not be saved; try again');
        }
        this.table.log.info({ seat: choice.seat }, 'seat taken');
        break;
      }
      case 'reclaim': {
        const previous = seating.reclaim(choice.seat, auth.name, client.sessionId);
        this.tokens.set(client.sessionId, auth.seatToken ?? '');
        if (previous !== null) this.dismiss(previous);
        const holder = seating.holder(choice.seat);
        if (holder !== undefined) await store.saveSeat(game.gameId, choice.seat, holder.tokenHash, auth.name);
        this.table.log.info({ seat: choice.seat, replaced: previous !== null }, 'seat reclaimed');
        break;
      }
    }
    this.welcome(client);
    this.sendViews();
  }

  /** A newer connection holds the seat: the old one (open, half-open or waiting to reconnect) is let go. */
  private dismiss(sessionId: string): void {
    this.reconnections.get(sessionId)?.reject(new Error('seat taken over by a new connection'));
    this.reconnections.delete(sessionId);
    this.tokens.delete(sessionId);
    this.clients.get(sessionId)?.leave(CloseCode.CONSENTED, 'seat taken over by a new connection');
  }

  onDrop(client: Client): void {
    const { seating } = this.table;
    if (seating.seatOf(client.sessionId) === null) return;
    if (seating.setConnected(client.sessionId, false)) this.sendViews();
    const reconnection = this.allowReconnection(client, RECONNECT_SECONDS);
    this.reconnections.set(client.sessionId, reconnection);
    reconnection.catch(() => undefined);
  }

  onReconnect(client: Client): void {
    this.reconnections.delete(client.sessionId);
    this.table.seating.setConnected(client.sessionId, true);
    this.welcome(client);
    this.sendViews();
  }

  onLeave(client: Client): void {
    if (this.loaded === null) return;
    this.table.budget.forget(client.sessionId);
    this.reconnections.delete(client.sessionId);
    this.tokens.delete(client.sessionId);
    // The seat stays reserved to its token for the life of the game.
    if (this.table.seating.release(client.sessionId)) this.sendViews();
  }

  onDispose(): void {
    this.loaded?.log.info('game room closed');
  }

  private welcome(client: Client): void {
    const seat = this.table.seating.seatOf(client.sessionId);
    const seatToken = this.tokens.get(client.sessionId);
    if (seat === null || seatToken === undefined) return;
    const briefing = this.table.scenario.seats.find((s) => s.id === seat)?.briefing ?? { en: '', es: '' };
    const welcome: Welcome = { gameId: this.table.game.gameId, seat, seatToken, briefing };
    client.send('welcome', welcome);
    const cards: CardsMessage = { cards: this.table.cards.releasedTo(seat, this.table.state) };
    if (cards.cards.length > 0) client.send('cards', cards);
  }

  // ---- moves --------------------------------------------------------------------

  /**
   * The edge. The rate is counted on arrival; everything else, refusals included, takes
   * its turn in the queue, so a client hears about its messages in the order it sent them.
   */
  private receive(client: Client, type: string, raw: unknown): void {
    const refused = this.screen(client, type, raw);
    this.enqueue(async () => (refused === null ? this.handleMove(client, raw) : this.refuse(client, refused)));
  }

  /** Cheap checks that need no game state: rate, size, message type. */
  private screen(client: Client, type: string, raw: unknown): Refusal | null {
    if (!this.table.budget.spend(client.sessionId, Date.now())) {
      return refusal('rate/limited', 'Too many messages: wait a moment and try again.', claimedType(raw));
    }
    if (messageBytes(raw) > MAX_MESSAGE_BYTES) {
      return refusal('message/too-large', `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.`, claimedType(raw));
    }
    if (type !== 'move') {
      return refusal('move/malformed', `Unknown message type "${type.slice(0, 40)}": only "move" is accepted.`, claimedType(raw));
    }
    return null;
  }

  private async handleMove(client: Client, raw: unknown): Promise<void> {
    const parsed = Move.safeParse(raw);
    if (!parsed.success) {
      return this.refuse(client, refusal('move/malformed', `This move could not be read: ${describeIssues(parsed.error)}`, claimedType(raw)));
    }
    const move = parsed.data;
    const table = this.table;
    const seat = table.seating.seatOf(client.sessionId);
    if (seat === null) return this.refuse(client, refusal('seat/not-yours', 'Spectators watch; only a seated player can move.', move.type));
    const before = table.state;
    const applied = applyMove(table.scenario, before, seat, move);
    if (!applied.ok) return this.refuse(client, refusal(applied.rejection.code, applied.rejection.message, move.type));
    const entry: RecordEntry = { kind: 'move', seq: table.nextSeq, at: Date.now(), seat, move };
    if (!(await this.append(entry))) {
      return this.refuse(client, refusal('server/unavailable', 'The server could not save this move; nothing changed. Try again.', move.type));
    }
    table.state = applied.value.state;
    this.project();
    this.sendViews();
    if (SCORED_MOVES.has(move.type)) this.submit({ scenario: table.scenario, before, seq: entry.seq, seat, move });
    if (canAdvanceEarly(table.state)) await this.advance('all-ready');
  }

  private refuse(client: Client, refused: Refusal): void {
    client.send('refused', refused);
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.loaded?.log.error({ err: error }, 'game room task failed');
    });
  }

  /** Durable before anyone sees its effect: a crash loses nothing a player saw accepted. */
  private async append(entry: RecordEntry): Promise<boolean> {
    const table = this.table;
    try {
      await table.deps.store.appendEntry(table.game.gameId, entry);
    } catch (error) {
      table.log.error({ err: error, seq: entry.seq }, 'could not append to the game record');
      return false;
    }
    table.nextSeq = entry.seq + 1;
    return true;
  }

  // ---- framework cards ---------------------------------------------------------

  /** Scoring runs on a worker and never holds up play; its card joins the queue whenever it is ready. */
  private submit(job: ScoringJob): void {
    const { deps, log } = this.table;
    deps.scorer.score(job, log).then(
      (card) => this.enqueue(() => this.receiveCard(card)),
      (error: unknown) => log.error({ err: error, seq: job.seq }, 'a decision could not be scored; play goes on without its card'),
    );
  }

  private async receiveCard(card: FrameworkCard): Promise<void> {
    const table = this.table;
    try {
      await table.deps.store.saveCard(table.game.gameId, card);
    } catch (error) {
      // Still shown: the cards endpoint scores a missing card again from the record.
      table.log.error({ err: error, seq: card.seq }, 'could not save a framework card');
    }
    table.cards.add(card);
    this.sendDueCards();
  }

  /** Cards the table state now releases go to the clients of the seat that decided, and to no one else. */
  private sendDueCards(): void {
    const due = this.table.cards.due(this.table.state);
    if (due.length === 0) return;
    for (const client of this.clients) {
      const seat = this.table.seating.seatOf(client.sessionId);
      const cards: CardsMessage = { cards: due.filter((card) => card.seat === seat) };
      if (seat !== null && cards.cards.length > 0) client.send('cards', cards);
    }
  }

  // ---- phases -------------------------------------------------------------------

  private async advance(reason: 'timer' | 'all-ready'): Promise<void> {
    const table = this.table;
    if (table.state.phase === 'ended') return;
    const entry: RecordEntry = { kind: 'advance', seq: table.nextSeq, at: Date.now(), reason };
    if (!(await this.append(entry))) {
      // Retry on the next tick of the timer rather than lose the phase change.
      this.armTimer(Date.now() + 1000);
      return;
    }
    table.state = advancePhase(table.scenario, table.state).state;
    await this.enterPhase(entry.at, false);
    this.project();
    this.sendViews();
    this.sendDueCards();
  }

  /** Starts the phase's clock, or winds the game up when it has ended. */
  private async enterPhase(startedAt: number, restoring: boolean): Promise<void> {
    const table = this.table;
    table.timer?.clear();
    table.timer = null;
    if (table.state.phase === 'ended') {
      table.deadline = null;
      await table.deps.store.markFinished(table.game.gameId);
      this.autoDispose = true;
      table.log.info('game ended');
      return;
    }
    const length = phaseSeconds(table.scenario, table.state.phase, table.game.timers) * 1000;
    let deadline = startedAt + length;
    // A deadline that passed while the server was down would skip the phase nobody played.
    if (restoring && deadline < Date.now() + RESTORE_GRACE_SECONDS * 1000) {
      deadline = Math.max(deadline, Date.now() + Math.min(length, RESTORE_GRACE_SECONDS * 1000));
    }
    this.armTimer(deadline);
  }

  private armTimer(deadline: number): void {
    const table = this.table;
    table.timer?.clear();
    table.deadline = deadline;
    const phaseVersion = table.state.phaseVersion;
    table.timer = this.clock.setTimeout(() => {
      // An early advance may have been queued first: this timer then belongs to a phase already over.
      this.enqueue(async () => {
        if (this.table.state.phaseVersion === phaseVersion) await this.advance('timer');
      });
    }, Math.max(0, deadline - Date.now()));
  }

  // ---- views --------------------------------------------------------------------

  private project(): void {
    const { state, deadline } = this.table;
    this.state.phase = state.phase;
    this.state.round = state.round;
    this.state.version = state.version;
    this.state.deadline = deadline ?? 0;
  }

  private viewFor(seat: string | null): PlayerView {
    const table = this.table;
    return {
      gameId: table.game.gameId,
      seat,
      state: playerView(table.state, seat),
      deadline: table.deadline,
      occupants: table.seating.occupants(),
    };
  }

  /** Each client gets only what its seat may see; a spectator the public view. */
  private sendViews(): void {
    const views = new Map<string | null, PlayerView>();
    for (const client of this.clients) {
      const seat = this.table.seating.seatOf(client.sessionId);
      let view = views.get(seat);
      if (view === undefined) {
        view = this.viewFor(seat);
        views.set(seat, view);
      }
      client.send('view', view);
    }
  }
}
