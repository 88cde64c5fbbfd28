import type { Delayed, Room } from '@colyseus/core';
import type { Logger } from 'pino';
import { BOT_POLICIES, type BotPolicyId } from '../../shared/bots/policy.ts';
import type { Refusal } from '../../shared/protocol.ts';
import { playerView } from '../../shared/rules/index.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import { nextRandom, seedRng } from '../../shared/rules/prng.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/** Refusals a bot may meet in one phase before it stays quiet until the next (a bug in a bot must not spin a room). */
const REFUSALS_PER_PHASE = 3;

export type BotTable = {
  clock: Room['clock'];
  log: Logger;
  scenario: Scenario;
  seed: number;
  /** Wait after a change before the bots look at the table: people see the bots' moves arrive one by one. */
  delayMs: number;
  /** The table now, and whether the instructor holds it (bots wait while paused). */
  state(): GameState;
  paused(): boolean;
  /** Which bot, if any, plays each seat now. */
  bots(): { seat: string; policy: BotPolicyId }[];
  /** Runs a task in the room's queue, after the moves before it. */
  enqueue(task: () => Promise<void>): void;
  /** The path a student's move takes: validated, appended to the record, then broadcast. */
  play(seat: string, move: Move): Promise<Refusal | null>;
};

/**
 * Plays a table's bot seats. After every change the room calls `schedule`; a moment later
 * each bot sees only its own `playerView` and its policy's moves go through the same path
 * as a student's. A move refused as stale is simply asked for again on the next turn.
 */
export class BotDriver {
  private readonly table: BotTable;
  private pending: Delayed | null = null;
  private readonly randoms = new Map<string, () => number>();
  private readonly refusals = new Map<string, { phaseVersion: number; count: number }>();

  constructor(table: BotTable) {
    this.table = table;
  }

  schedule(): void {
    if (this.pending !== null || this.table.bots().length === 0) return;
    this.pending = this.table.clock.setTimeout(() => {
      this.pending = null;
      this.table.enqueue(() => this.turn());
    }, this.table.delayMs);
  }

  stop(): void {
    this.pending?.clear();
    this.pending = null;
  }

  private async turn(): Promise<void> {
    for (const { seat, policy } of this.table.bots()) {
      const state = this.table.state();
      if (state.phase === 'ended' || this.table.paused()) return;
      if (this.muted(seat, state.phaseVersion)) continue;
      let moves: Move[];
      try {
        moves = BOT_POLICIES[policy]({ scenario: this.table.scenario, view: playerView(state, seat), seat, random: this.random(seat) });
      } catch (error) {
        this.table.log.error({ err: error, seat, policy }, 'a bot policy failed; the seat waits for the next phase');
        this.refusals.set(seat, { phaseVersion: state.phaseVersion, count: REFUSALS_PER_PHASE });
        continue;
      }
      for (const move of moves) {
        // A bot still playing a seat the instructor just gave back would act for the students.
        if (this.table.bots().every((b) => b.seat !== seat)) break;
        const refused = await this.table.play(seat, move);
        if (refused === null) continue;
        if (refused.code === 'state/stale') {
          this.schedule();
        } else {
          this.noteRefusal(seat, state.phaseVersion);
          this.table.log.warn({ seat, policy, code: refused.code, move: move.type }, 'a bot move was refused');
        }
        break;
      }
    }
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
