import { advanceActor, botActor } from '../actor.ts';
import type { GameRecord, RecordEntry } from '../record.ts';
import { advancePhase, applyMove, canAdvanceEarly, createGame, playerView, type GameState } from '../rules/index.ts';
import { entry } from '../rules/lookup.ts';
import { nextRandom, seedRng } from '../rules/prng.ts';
import type { Scenario } from '../scenario/schema.ts';
import { BOT_POLICIES, type BotPolicy, type BotPolicyId } from './policy.ts';

/** Passes over the table with no move from anyone before a phase is called as a timer would. */
const IDLE_PASSES = 3;
/** A whole game takes a few hundred passes; far more means a bot is looping. */
const MAX_PASSES = 20_000;

export type BotGame = { record: GameRecord; state: GameState };

/** Each seat draws from its own seeded stream, so one bot's draws never shift another's. */
function seatRandom(randomSeed: number, index: number): () => number {
  let rng = seedRng((randomSeed ^ Math.imul(index + 1, 0x9e3779b1)) | 0);
  return () => {
    const draw = nextRandom(rng);
    rng = draw.rng;
    return draw.value;
  };
}

/**
 * Drive a table of bots from `initial` as the server would: each pass, every seat's
 * policy sees its own `playerView` and its moves are applied in order; the phase
 * advances when everyone is ready, or after a few idle passes as its timer would.
 * A refused bot move is a bug in the bot, and throws with the rules' code.
 */
export function runBots(
  scenario: Scenario,
  initial: GameState,
  policies: Record<string, BotPolicyId | BotPolicy>,
  randomSeed: number,
  stop: (state: GameState) => boolean = (s) => s.phase === 'ended',
): { state: GameState; entries: RecordEntry[] } {
  const seats = scenario.seats.map((s) => s.id);
  const missing = seats.filter((id) => !policies[id]);
  if (missing.length > 0) throw new Error(`no bot policy for seat(s) ${missing.join(', ')}`);
  const randoms = Object.fromEntries(seats.map((id, i) => [id, seatRandom(randomSeed, i)]));
  const entries: RecordEntry[] = [];
  let state = initial;
  const advance = (reason: 'timer' | 'all-ready') => {
    state = advancePhase(scenario, state).state;
    entries.push({ kind: 'advance', seq: entries.length + 1, at: 0, actor: advanceActor(reason), reason });
  };
  let idle = 0;
  for (let pass = 0; !stop(state) && state.phase !== 'ended'; pass++) {
    if (pass >= MAX_PASSES) throw new Error(`bots still playing after ${MAX_PASSES} passes (round ${state.round}, ${state.phase})`);
    let moved = false;
    for (const seat of seats) {
      const chosen = entry(policies, seat);
      const policy: BotPolicy = typeof chosen === 'function' ? chosen : BOT_POLICIES[chosen];
      const moves = policy({ scenario, view: playerView(state, seat), seat, random: entry(randoms, seat) });
      for (const move of moves) {
        const applied = applyMove(scenario, state, seat, move);
        if (!applied.ok) throw new Error(`${typeof chosen === 'function' ? chosen.name : chosen} bot at ${seat} made a refused ${move.type}: ${applied.rejection.code} (${applied.rejection.message})`);
        state = applied.value.state;
        entries.push({ kind: 'move', seq: entries.length + 1, at: 0, actor: botActor(typeof chosen === 'function' ? null : chosen), seat, move });
        moved = true;
      }
      if (canAdvanceEarly(state)) break;
    }
    if (canAdvanceEarly(state)) {
      advance('all-ready');
      idle = 0;
    } else if (moved) {
      idle = 0;
    } else if (++idle >= IDLE_PASSES) {
      advance('timer');
      idle = 0;
    }
  }
  return { state, entries };
}

/** A whole game between bots, as a record that replays to the returned state. */
export function playBotGame(scenario: Scenario, seed: number, policies: Record<string, BotPolicyId | BotPolicy>, randomSeed: number): BotGame {
  const { state, entries } = runBots(scenario, createGame(scenario, seed), policies, randomSeed);
  const record: GameRecord = { gameId: `bots-${seed}-${randomSeed}`, scenarioId: scenario.id, scenarioVersion: scenario.version, seed, createdAt: 0, entries };
  return { record, state };
}
