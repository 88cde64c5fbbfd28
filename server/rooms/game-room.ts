import { CloseCode, matchMaker, Room, ServerError } from '@colyseus/core';
import type { Client } from '@colyseus/core';
import { ClientMessage, JoinOptions, MAX_MESSAGE_BYTES } from '../../shared/protocol.ts';
import type { CardsMessage, Refusal, Welcome } from '../../shared/protocol.ts';
import type { Move } from '../../shared/rules/moves.ts';
import { InstructorWatch } from '../../shared/session.ts';
import type { Announcement } from '../../shared/session.ts';
import { secretMatches } from '../sessions/credentials.ts';
import { botActor, INSTRUCTOR } from '../../shared/actor.ts';
import { BotDriver } from './bot-driver.ts';
import { GAME_SEAT_RESERVATION_SECONDS, HARD_MESSAGES_PER_SECOND, hardMessageLimit, MAX_CLIENTS_PER_ROOM } from './limits.ts';
import { recordStage } from './move-path.ts';
import { OpenGameExpiry } from './open-game-expiry.ts';
import { MessageBudget } from './rate-limit.ts';
import { screenFrames } from './frame-screen.ts';
import { claimedType, describeIssues, messageBytes, refusal } from './refusals.ts';
import type { GameRoomOptions, RoomDeps } from './room-deps.ts';
import { GameRoomState } from './room-state.ts';
import { hashSeatToken, mintSeatToken } from './seat-token.ts';
import { membersAt, Seating, studentActor } from './seating.ts';
import type { TableCommand, TableOutcome, TableReport } from './table-commands.ts';
import { TableGame } from './table-game.ts';
import { instructorView, seatView, sendCards, sendViews, tableReportOf } from './table-views.ts';

type Reconnection = ReturnType<Room['allowReconnection']>;

/** Who a connection is, decided in onAuth: a player (or plain spectator) of the table, or the class's instructor. */
type JoinAuth = { kind: 'player'; options: JoinOptions } | { kind: 'instructor' };

/** The message types a game room reads; anything else gets a typed refusal. */
const READS: ReadonlySet<string> = new Set(Object.keys(ClientMessage));

/**
 * One game table: a switchboard between connections and the table's game. It parses
 * what clients send, hands moves to the game (which checks, records, then adopts them),
 * and sends each connection what its seat may see. At a class table it also answers the
 * session: seats from the roster, bots, instructor controls, reports of its state.
 */
export class GameRoom extends Room<{ state: GameRoomState }> {
  maxClients = MAX_CLIENTS_PER_ROOM;
  autoDispose = false;
  maxMessagesPerSecond = HARD_MESSAGES_PER_SECOND;
  seatReservationTimeout = GAME_SEAT_RESERVATION_SECONDS;
  state = new GameRoomState();

  private loaded: TableGame | null = null;
  private seating: Seating = new Seating([], false);
  private budget: MessageBudget | null = null;
  private bots: BotDriver | null = null;
  /** The class session's secret hash, for an instructor who comes to watch; null at a game of its own. */
  private sessionSecretHash: string | null = null;
  /** The class session's pace for its bots, when it set one; otherwise the server's. */
  private botPaceMs: number | null = null;
  private readonly instructors = new Set<string>();
  /** Plain seat tokens of the connections here now, to repeat them in a welcome after a reconnection. */
  private readonly tokens = new Map<string, string>();
  private readonly reconnections = new Map<string, Reconnection>();
  private expiry: OpenGameExpiry | null = null;
  private lastReport = '';

  private get table(): TableGame {
    if (this.loaded === null) throw new Error('game room used before its game was loaded');
    return this.loaded;
  }

  private get deps(): RoomDeps {
    return this.table.deps;
  }

  async onCreate(options: GameRoomOptions): Promise<void> {
    const { gameId, deps } = options;
    if (typeof gameId !== 'string' || !deps.openings.has(gameId)) {
      throw new ServerError(403, 'game rooms are opened by the server, not by clients');
    }
    const game = await deps.store.loadGame(gameId);
    if (game === null) throw new ServerError(404, `no game "${gameId}"`);
    const scenario = deps.catalogue.get(game.scenarioId);
    if (scenario === undefined) throw new ServerError(500, `scenario "${game.scenarioId}" of game "${gameId}" is not loaded`);
    this.roomId = gameId;
    // Reached only by its id (a link, a class's seat, a seat token): matchmaking never hands it to a stranger.
    await this.setPrivate(true);
    const seatIds = scenario.seats.map((seat) => seat.id);
    this.seating = new Seating(seatIds, game.session !== null, game.session === null ? await deps.store.loadSeats(gameId) : []);
    this.budget = new MessageBudget(deps.messageRate);
    // No validator: Colyseus's validator disconnects on failure, and a student must not lose the table.
    screenFrames(this, deps.log, (client, refused) => this.receiveUnreadable(client, refused), (client, type, raw) => this.receive(client, type, raw));
    this.maxMessagesPerSecond = hardMessageLimit(deps.messageRate);
    this.loaded = await TableGame.open(deps, game, scenario, this.clock, {
      changed: () => this.changed(),
      cardsDue: (cards) => sendCards(this.clients, this.seating, cards),
      cardScored: () => this.report(),
    });
    if (game.session !== null) {
      const session = await deps.store.loadSession(game.session.sessionId);
      this.sessionSecretHash = session?.secretHash ?? null;
      const pace = session?.config.botPaceSeconds;
      this.botPaceMs = pace === undefined ? null : pace * 1000;
      await this.loadSeatsFromSession();
    } else {
      // A game of its own has bots only when it was forked with some: they play those seats for its life.
      this.seating.setBots(await deps.store.loadSeatBots(gameId));
    }
    this.bots = new BotDriver({
      clock: this.clock,
      log: this.table.log,
      scenario,
      seed: game.seed,
      paceMs: () => this.botPaceMs ?? deps.botPaceMs,
      state: () => this.table.state,
      // Bots wait in the lobby, and while the instructor holds the table (a practice game's own hold is a break, not a freeze).
      idle: () => this.table.waiting || (this.table.paused && !this.table.selfPaced),
      bots: () => this.seating.botSeats(),
      enqueue: (task) => this.table.enqueue(task),
      play: (seat, move) => this.playBot(seat, move),
    });
    this.table.selfPaced = this.seating.solo();
    this.project();
    this.bots.schedule();
    this.report();
    this.beginWhenFilled();
    if (this.table.state.phase === 'ended') this.autoDispose = true;
    this.expiry = new OpenGameExpiry(this.clock, this.table, this.seating);
    this.expiry.opened();
  }

  // ---- joining ------------------------------------------------------------------

  onAuth(_client: Client, options: unknown): JoinAuth {
    if (typeof options === 'object' && options !== null && 'secret' in options) {
      const watch = InstructorWatch.safeParse(options);
      if (!watch.success) throw new ServerError(400, `cannot watch: ${describeIssues(watch.error)}`);
      if (this.sessionSecretHash === null || !secretMatches(watch.data.secret, this.sessionSecretHash)) {
        throw new ServerError(403, 'cannot watch: that is not the secret of this table’s class session');
      }
      return { kind: 'instructor' };
    }
    const parsed = JoinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(400, `cannot join: ${describeIssues(parsed.error)}`);
    const choice = this.seating.choose(parsed.data);
    if (choice.kind === 'refuse') throw new ServerError(choice.status, choice.message);
    return { kind: 'player', options: parsed.data };
  }

  async onJoin(client: Client, _options: unknown, auth: JoinAuth): Promise<void> {
    if (auth.kind === 'instructor') {
      this.instructors.add(client.sessionId);
      this.table.log.info('instructor watching');
      client.send('view', instructorView(this.table, this.seating));
      return;
    }
    const options = auth.options;
    // Decided again here, synchronously, so two joins racing for one seat cannot both win.
    const choice = this.seating.choose(options);
    switch (choice.kind) {
      case 'refuse':
        throw new ServerError(choice.status, choice.message);
      case 'watch':
        client.send('view', seatView(this.table, this.seating, null));
        return;
      case 'take': {
        const token = mintSeatToken();
        const tokenHash = hashSeatToken(token);
        this.seating.take(choice.seat, options.name, tokenHash, client.sessionId);
        this.tokens.set(client.sessionId, token);
        try {
          await this.deps.store.saveSeat(this.table.gameId, choice.seat, tokenHash, options.name);
        } catch (error) {
          this.seating.vacate(choice.seat);
          this.table.log.error({ err: error, seat: choice.seat }, 'could not save a seat');
          throw new ServerError(503, 'the seat could not be saved; try again');
        }
        this.table.log.info({ seat: choice.seat }, 'seat taken');
        break;
      }
      case 'reclaim': {
        const previous = this.seating.attach(client.sessionId, choice.seat, choice.member, options.name);
        this.tokens.set(client.sessionId, options.seatToken ?? '');
        if (previous !== null) this.dismiss(previous, 'seat taken over by a new connection');
        const member = this.seating.member(choice.seat, choice.member);
        if (member !== undefined && this.table.game.session === null) {
          await this.deps.store.saveSeat(this.table.gameId, choice.seat, member.tokenHash, member.name);
        }
        this.table.log.info({ seat: choice.seat, member: choice.member, replaced: previous !== null }, 'seat reclaimed');
        break;
      }
    }
    this.welcome(client);
    this.sendViews();
    this.report();
    this.beginWhenFilled();
    this.expiry?.watch();
  }

  /**
   * The lobby closes, and the first phase's clock starts, once every seat has a player or a
   * bot. A practice game, whose seats are filled when it is made, waits for its player to arrive.
   */
  private beginWhenFilled(): void {
    this.table.enqueue(async () => {
      if (!this.table.waiting || this.seating.emptySeats().length > 0) return;
      if (this.table.selfPaced && this.seating.connectedMembers().length === 0) return;
      await this.table.begin();
    });
  }

  /** A connection that no longer plays here (taken over, or moved by the session) is let go. */
  private dismiss(sessionId: string, reason: string): void {
    this.reconnections.get(sessionId)?.reject(new Error(reason));
    this.reconnections.delete(sessionId);
    this.tokens.delete(sessionId);
    this.clients.get(sessionId)?.leave(CloseCode.CONSENTED, reason);
  }

  onDrop(client: Client): void {
    const seated = this.seating.seatOf(client.sessionId) !== null;
    if (!seated && !this.instructors.has(client.sessionId)) return;
    if (this.seating.setConnected(client.sessionId, false)) {
      this.sendViews();
      this.report();
    }
    const reconnection = this.allowReconnection(client, this.deps.reconnectSeconds);
    this.reconnections.set(client.sessionId, reconnection);
    reconnection.catch(() => undefined);
  }

  onReconnect(client: Client): void {
    this.reconnections.delete(client.sessionId);
    this.seating.setConnected(client.sessionId, true);
    this.expiry?.watch();
    this.welcome(client);
    this.sendViews();
    this.report();
  }

  onLeave(client: Client, code?: number): void {
    if (this.loaded === null) return;
    const seat = this.seating.seatOf(client.sessionId);
    this.budget?.forget(client.sessionId);
    this.reconnections.delete(client.sessionId);
    this.tokens.delete(client.sessionId);
    this.instructors.delete(client.sessionId);
    // The seat stays reserved to its members' tokens for the life of the game.
    if (this.seating.release(client.sessionId)) {
      this.sendViews();
      this.report();
    }
    this.table.log.info({ sessionId: client.sessionId, seat, code }, 'connection gone');
    this.expiry?.watch();
  }

  onDispose(): void {
    this.bots?.stop();
    this.loaded?.log.info('game room closed');
  }

  private welcome(client: Client): void {
    const seat = this.seating.seatOf(client.sessionId);
    const seatToken = this.tokens.get(client.sessionId);
    if (seat === null || seatToken === undefined) return;
    const briefing = this.table.scenario.seats.find((s) => s.id === seat)?.briefing ?? { en: '', es: '' };
    const welcome: Welcome = { gameId: this.table.gameId, seat, seatToken, briefing };
    client.send('welcome', welcome);
    const cards: CardsMessage = { cards: this.table.cards.releasedTo(seat, this.table.state) };
    if (cards.cards.length > 0) client.send('cards', cards);
  }

  // ---- messages -----------------------------------------------------------------

  /**
   * The edge. The rate is counted on arrival; everything else, refusals included, takes
   * its turn in the queue, so a client hears about its messages in the order it sent them.
   * Except when the table is far behind: then a move is refused as busy at once, rather
   * than answered seconds later.
   */
  private receive(client: Client, type: string, raw: unknown): void {
    if (type === 'move' && this.table.queueWaitMs() > this.deps.maxQueueWaitMs) {
      return this.refuse(client, refusal('server/busy', 'The server is too busy to take this move now; nothing changed. Try again in a moment.', claimedType(raw)));
    }
    const refused = this.screen(client, type, raw);
    const arrived = performance.now();
    this.table.enqueue(async () => {
      recordStage('queued', performance.now() - arrived);
      if (refused !== null) return this.refuse(client, refused);
      if (type === 'clock') return this.holdClock(client, raw);
      return this.handleMove(client, raw);
    });
  }

  /** A frame that did not decode: refused in its turn, or not answered at all past the sender's rate. */
  private receiveUnreadable(client: Client, refused: Refusal): void {
    if (this.loaded === null || (this.budget !== null && !this.budget.spend(client.sessionId, Date.now()))) return;
    this.table.enqueue(async () => this.refuse(client, refused));
  }

  /** Cheap checks that need no game state: rate, size, message type. */
  private screen(client: Client, type: string, raw: unknown): Refusal | null {
    if (this.budget !== null && !this.budget.spend(client.sessionId, Date.now())) {
      return refusal('rate/limited', 'Too many messages: wait a moment and try again.', claimedType(raw));
    }
    if (messageBytes(raw) > MAX_MESSAGE_BYTES) {
      return refusal('message/too-large', `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.`, claimedType(raw), { max: MAX_MESSAGE_BYTES });
    }
    if (!READS.has(type)) {
      return refusal('move/malformed', `Unknown message type "${type.slice(0, 40)}": only "move" and "clock" are accepted.`, claimedType(raw));
    }
    return null;
  }

  private async handleMove(client: Client, raw: unknown): Promise<void> {
    const parseStart = performance.now();
    const parsed = ClientMessage.move.safeParse(raw);
    recordStage('parse', performance.now() - parseStart);
    if (!parsed.success) {
      return this.refuse(client, refusal('move/malformed', `This move could not be read: ${describeIssues(parsed.error)}`, claimedType(raw)));
    }
    const move = parsed.data;
    // A move always acts for the sender's own seat: nothing in a message can name another.
    const seat = this.seating.seatOf(client.sessionId);
    if (seat === null) return this.refuse(client, refusal('seat/not-yours', 'Spectators watch; only a seated player can move.', move.type));
    if (this.seating.botOf(seat) !== null) {
      return this.refuse(client, refusal('seat/not-yours', 'A bot plays this seat for now; the instructor can hand it back.', move.type));
    }
    const member = this.seating.memberOf(client.sessionId);
    const actor = studentActor(member, this.table.game.session !== null);
    const refused = await this.table.commitMove(seat, move, actor);
    if (refused !== null) this.refuse(client, refused);
  }

  /** A bot's move, recorded as its policy's; a seat no bot plays any more is not the bot's to move. */
  private playBot(seat: string, move: Move): Promise<Refusal | null> {
    const policy = this.seating.botOf(seat);
    if (policy === null) return Promise.resolve(refusal('seat/not-yours', 'No bot plays this seat now.', move.type));
    return this.table.commitMove(seat, move, botActor(policy));
  }

  /** The one player of a practice game holds the clock for a break, lets it run again, or takes more time. */
  private async holdClock(client: Client, raw: unknown): Promise<void> {
    const parsed = ClientMessage.clock.safeParse(raw);
    if (!parsed.success) return this.refuse(client, refusal('move/malformed', `This request could not be read: ${describeIssues(parsed.error)}`, 'clock'));
    const seat = this.seating.seatOf(client.sessionId);
    if (seat === null || this.seating.botOf(seat) !== null || !this.table.selfPaced) {
      return this.refuse(client, refusal('seat/not-yours', 'Only the player of a practice game holds its clock.', 'clock'));
    }
    const actor = studentActor(this.seating.memberOf(client.sessionId), this.table.game.session !== null);
    const outcome = await this.table.steer(parsed.data, actor);
    if (!outcome.ok) this.refuse(client, refusal(outcome.code === 'game/over' ? 'game/over' : 'server/unavailable', outcome.message, 'clock'));
  }

  private refuse(client: Client, refused: Refusal): void {
    client.send('refused', refused);
  }

  // ---- the class session's calls (matchMaker.remoteRoomCall) ------------------------

  /** An instructor's control, run in the table's queue after the moves before it. */
  steer(command: TableCommand): Promise<TableOutcome> {
    if (command.type === 'announce') {
      const announcement: Announcement = { text: command.text, at: command.at };
      this.broadcast('announcement', announcement);
      return Promise.resolve({ ok: true });
    }
    return this.table.run(() => this.table.steer(command, INSTRUCTOR));
  }

  /** The session changed who sits here or which seats bots play: read it again from the store. */
  reseat(): Promise<TableOutcome> {
    return this.table.run(async () => {
      await this.loadSeatsFromSession();
      this.sendViews();
      this.bots?.schedule();
      this.report();
      if (this.table.waiting && this.seating.emptySeats().length === 0) await this.table.begin();
      return { ok: true };
    });
  }

  private async loadSeatsFromSession(): Promise<void> {
    const session = this.table.game.session;
    if (session === null) return;
    const members = membersAt(await this.deps.store.loadStudents(session.sessionId), session.table);
    for (const sessionId of this.seating.setMembers(members)) this.dismiss(sessionId, 'your seat has changed: the class session has the new one');
    this.seating.setBots(await this.deps.store.loadSeatBots(this.table.gameId));
  }

  /** What the session shows of this table; sent to it whenever any of it changes. */
  tableReport(): TableReport | null {
    return this.loaded === null ? null : tableReportOf(this.loaded, this.seating);
  }

  private report(): void {
    const report = this.tableReport();
    if (report === null) return;
    const text = JSON.stringify(report);
    if (text === this.lastReport) return;
    this.lastReport = text;
    const sessionId = this.table.game.session?.sessionId;
    if (sessionId === undefined) return;
    matchMaker.remoteRoomCall(sessionId, 'tableChanged', [report]).catch((error: unknown) => {
      // The session room may be closed (ended) or not yet reopened after a restart: it reads tables again when it opens.
      this.table.log.debug({ err: error }, 'the session did not take a table report');
    });
  }

  // ---- views --------------------------------------------------------------------

  private changed(): void {
    this.project();
    const viewsStart = performance.now();
    this.sendViews();
    recordStage('views', performance.now() - viewsStart);
    this.bots?.schedule();
    this.report();
    if (this.table.state.phase === 'ended') this.autoDispose = true;
  }

  private project(): void {
    const table = this.table;
    this.state.phase = table.state.phase;
    this.state.round = table.state.round;
    this.state.version = table.state.version;
    this.state.deadline = table.deadline ?? 0;
    this.state.paused = table.paused;
  }

  private sendViews(): void {
    sendViews(this.clients, this.instructors, this.table, this.seating);
  }
}
