import type { Delayed, Room } from '@colyseus/core';
import type { Logger } from 'pino';
import { BOT_POLICIES, type BotPolicyId } from '../../shared/bots/policy.ts';
import type { Refusal } from '../../shared/protocol.ts';
import { doneWithPhase, playerView } from '../../shared/rules/index.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { GameState, Phase } from '../../shared/rules/state.ts';
import { nextRandom, seedRng } from '../../shared/rules/prng.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/** Refusals a bot may meet in one phase before it stays quiet until the next (a bug in a bot must not spin a room). */
const REFUSALS_PER_PHASE = 3;

/** Once every person at the table is done with the phase, bots finish theirs this many times faster. */
const HURRY_FACTOR = 4;

/** Phases a bot has nothing to do in but read: it says ready only once the people at the table have (or the clock ends them); at a table of bots alone, after a pace. */
const READING_PHASES: ReadonlySet<Phase> = new Set(['briefing', 'resolution', 'debrief']);

export type BotTable = {
  clock: Room['clock'];
  log: Logger;
  scenario: Scenario;
  seed: number;
  /** The least time between two moves of one bot, and between a phase's start (or a bot taking a seat) and its first move. */
  paceMs(): number;
  /** The table now, and whether bots must wait (the table is held by the instructor, or still in its lobby). */
  state(): GameState;
  idle(): boolean;
  /** Which bot, if any, plays each seat now. */
  bots(): { seat: string; policy: BotPolicyId }[];
  /** Runs a task in the room's queue, after the moves before it. */
  enqueue(task: () => Promise<void>): void;
  /** The path a student's move takes: validated, appended to the record, then broadcast. */
  play(seat: string, move: Move): Promise<Refusal | null>;
};

/**
 * Plays a table's bot seats at a person's pace. Each bot makes one move at a time, at
 * least `paceMs` after its last one and after the phase began (or after it took the
 * seat), so a seat handed to a bot for a moment is not a round played in a flash. In the
 * phases that are only read, a bot says ready once the people have (at a table of bots
 * alone, after a pace, as a person reading would). A bot is never the
 * reason a table waits: once every person at the table is done with the phase, the bots
 * finish theirs quickly (their policies withdraw offers nobody answered). Moves go
 * through the same path as a student's; each bot sees only its own `playerView`.
 */
export class BotDriver {
  private readonly table: BotTable;
  private pending: Delayed | null = null;
  private pendingAt = Infinity;
  /** When each bot seat last moved (or looked), or the phase began, or it was given to the bot. */
  private readonly since = new Map<string, number>();
  private phaseVersion = -1;
  private readonly randoms = new Map<string, () => number>();
  private readonly refusals = new Map<string, { phaseVersion: number; count: number }>();

  constructor(table: BotTable) {
    this.table = table;
  }

  /** The table changed: work out when the next bot moves, and wake then (sooner than planned, if need be). */
  schedule(): void {
    const wake = this.plan(Date.now());
    if (wake === null) return this.stop();
    if (this.pending !== null && this.pendingAt <= wake) return;
    this.stop();
    this.pendingAt = wake;
    this.pending = this.table.clock.setTimeout(
      () => {
        this.pending = null;
        this.pendingAt = Infinity;
        this.table.enqueue(() => this.turn());
      },
      Math.max(0, wake - Date.now()),
    );
  }

  stop(): void {
    this.pending?.clear();
    this.pending = null;
    this.pendingAt = Infinity;
  }

  /** The earliest time a bot may move, or null when none has anything to wait for. */
  private plan(now: number): number | null {
    const state = this.table.state();
    const bots = this.table.bots();
    if (state.phase === 'ended' || this.table.idle() || bots.length === 0) {
      this.since.clear();
      return null;
    }
    if (state.phaseVersion !== this.phaseVersion) {
      // A new phase: everyone reads it first, bots too.
      this.phaseVersion = state.phaseVersion;
      this.since.clear();
    }
    const seats = new Set(bots.map((b) => b.seat));
    for (const seat of this.since.keys()) if (!seats.has(seat)) this.since.delete(seat);
    for (const seat of seats) if (!this.since.has(seat)) this.since.set(seat, now);
    let wake: number | null = null;
    for (const seat of seats) {
      const at = this.dueAt(state, seat, seats);
      if (at !== null) wake = wake === null ? at : Math.min(wake, at);
    }
    return wake;
  }

  /** When this bot seat moves next: a pace after its last move (a quarter of one once the people are done); null: nothing to do. */
  private dueAt(state: GameState, seat: string, bots: ReadonlySet<string>): number | null {
    // A proposal made to a bot that has already said ready still gets its answer.
    const asked = state.phase === 'negotiation' && state.proposals.some((p) => p.to === seat && p.status === 'open');
    if (this.muted(seat, state.phaseVersion) || (doneWithPhase(state, seat) && !asked)) return null;
    const people = this.people(state, bots);
    const hurry = people.length > 0 && people.every((person) => doneWithPhase(state, person));
    // With people at the table, a bot reads as long as they do; a table of bots alone reads at its pace.
    if (READING_PHASES.has(state.phase) && people.length > 0 && !hurry) return null;
    const pace = this.table.paceMs();
    return (this.since.get(seat) ?? Date.now()) + (hurry ? pace / HURRY_FACTOR : pace);
  }

  /** The seats people play; a table of bots alone never hurries (it plays at its pace). */
  private people(state: GameState, bots: ReadonlySet<string>): string[] {
    return Object.keys(state.seats).filter((seat) => !bots.has(seat));
  }

  /** Each bot whose time has come makes its one next move; then the next wake is planned. */
  private async turn(): Promise<void> {
    this.plan(Date.now());
    for (const { seat, policy } of this.table.bots()) {
      const state = this.table.state();
      if (state.phase === 'ended' || this.table.idle()) return;
      // The bots of this moment: one just handed back to its students plays no more.
      const seats = new Set(this.table.bots().map((b) => b.seat));
      if (!seats.has(seat)) continue;
      const due = this.dueAt(state, seat, seats);
      if (due === null || due > Date.now()) continue;
      await this.moveOnce(seat, policy, state);
    }
    this.schedule();
  }

  private async moveOnce(seat: string, policy: BotPolicyId, state: GameState): Promise<void> {
    let moves: Move[];
    try {
      moves = BOT_POLICIES[policy]({ scenario: this.table.scenario, view: playerView(state, seat), seat, random: this.random(seat) });
    } catch (error) {
      this.table.log.error({ err: error, seat, policy }, 'a bot policy failed; the seat waits for the next phase');
      this.refusals.set(seat, { phaseVersion: state.phaseVersion, count: REFUSALS_PER_PHASE });
      return;
    }
    const move = moves[0];
    // Nothing to do yet (waiting for an answer, say): look again after another pace.
    this.since.set(seat, Date.now());
    if (move === undefined) return;
    const refused = await this.table.play(seat, move);
    // A move that ends the phase starts the next one's pacing afresh (plan clears it).
    if (this.phaseVersion === this.table.state().phaseVersion) this.since.set(seat, Date.now());
    if (refused === null || refused.code === 'state/stale') return;
    this.noteRefusal(seat, state.phaseVersion);
    this.table.log.warn({ seat, policy, code: refused.code, move: move.type }, 'a bot move was refused');
  }

  private muted(seat: string, phaseVersion: number): boolean {
    const noted = this.refusals.get(seat);
    return noted !== undefined && noted.phaseVersion === phaseVersion && noted.count >= REFUSALS_PER_PHASE;
  }

  private noteRefusal(seat: string, phaseVersion: number): void {
    const noted = this.refusals.get(seat);
    const count = noted !== undefined && noted.phaseVersion === phaseVersion ? noted.count + 1 : 1;
    this.refusals.set(seat, { phaseVersion, count });
  }

  /** Each seat draws from its own stream seeded by the game, so bots differ from table to table. */
  private random(seat: string): () => number {
    let random = this.randoms.get(seat);
    if (random === undefined) {
      let rng = seedRng(this.table.seed ^ hashSeat(seat));
      random = () => {
        const draw = nextRandom(rng);
        rng = draw.rng;
        return draw.value;
      };
      this.randoms.set(seat, random);
    }
    return random;
  }
}

function hashSeat(seat: string): number {
  let h = 0;
  for (const ch of seat) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return h;
}
