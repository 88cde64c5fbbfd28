import type { Costs, Scenario } from '../scenario/schema.ts';
import { advancePhaseInPlace } from '../rules/advance-phase.ts';
import { applyMove } from '../rules/apply-move.ts';
import { clonePlain } from '../rules/clone-plain.ts';
import { overBudget, fullLevels } from '../rules/decision.ts';
import type { Move } from '../rules/moves.ts';
import { playerView } from '../rules/player-view.ts';
import { seatOf } from '../rules/lookup.ts';
import { nextRandom, seedRng } from '../rules/prng.ts';
import type { GameState } from '../rules/state.ts';
import { BOT_POLICIES, BotPolicyId, type BotPolicy } from '../bots/policy.ts';
import { holdCourse } from './hold-course.ts';

export type Projection = { score: Record<string, number>; costs: Record<string, Costs> };

/**
 * One way the rest of the table could be, as the seat can imagine it: the other seats
 * play `policy`, their hidden parameters are a draw from their published ranges, and the
 * chance in flows and events comes from `seed`. Every option the seat had is projected in
 * the same worlds (common random numbers), so options differ only by what the seat did.
 */
export type World = { policy: BotPolicyId; weight: number; start: GameState; seed: number };

/** A stream of draws in [0, 1) from a seed: projections never touch the game's own stream. */
export function seededRandom(seed: number): () => number {
  let rng = seedRng(seed);
  return () => {
    const draw = nextRandom(rng);
    rng = draw.rng;
    return draw.value;
  };
}

/**
 * The table as `seat` can reason about it, built from its own `playerView`: other seats'
 * sealed decisions are not there (they will be taken by the policy the world imagines),
 * their hidden parameters are drawn from the range the scenario publishes, and the seed
 * and the random stream are the world's own. Chat and old rounds are dropped: nothing in
 * a projection reads them.
 */
export function beliefState(scenario: Scenario, state: GameState, seat: string, random: () => number): GameState {
  const belief = playerView({ ...state, chat: [], history: state.history.slice(-1) }, seat);
  for (const s of scenario.seats) {
    if (s.id === seat) continue;
    const other = belief.seats[s.id];
    if (other === undefined) continue;
    for (const param of s.hidden) other.hidden[param.key] = param.min + random() * (param.max - param.min);
    if (state.phase === 'decision') other.decision = null;
  }
  belief.rng = Math.floor(random() * 0x7fffffff) | 0;
  return belief;
}

/** One world per policy the other side may play, weighted by how likely the seat finds it. */
export function worldsOf(scenario: Scenario, state: GameState, seat: string, weights: Record<BotPolicyId, number>, random: () => number): World[] {
  return BotPolicyId.options.map((policy) => ({
    policy,
    weight: weights[policy],
    start: beliefState(scenario, state, seat, random),
    seed: Math.floor(random() * 0x7fffffff) | 0,
  }));
}

function totalCosts(state: GameState, seat: string, from: Costs): Costs {
  const c = seatOf(state, seat).costs;
  return { political: c.political - from.political, reputational: c.reputational - from.reputational, implementation: c.implementation - from.implementation };
}

/** Another seat's negotiation moves, applied where legal; its decision is taken separately. */
function respond(scenario: Scenario, state: GameState, other: string, policy: BotPolicy, random: () => number): GameState {
  let s = state;
  for (let i = 0; i < 4; i++) {
    const moves = policy({ scenario, view: playerView(s, other), seat: other, random }).filter((m) => m.type !== 'chat' && m.type !== 'ready' && m.type !== 'decide');
    if (moves.length === 0) break;
    let changed = false;
    for (const move of moves) {
      const applied = applyMove(scenario, s, other, { ...move, version: s.version } as Move);
      if (applied.ok) {
        s = applied.value.state;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return s;
}

function policyLevels(scenario: Scenario, state: GameState, other: string, policy: BotPolicy, random: () => number): Record<string, number> {
  const decided = policy({ scenario, view: playerView(state, other), seat: other, random }).find((m) => m.type === 'decide');
  if (decided?.type === 'decide') {
    const full = fullLevels(scenario, state, other, decided.levels);
    if (full.ok && !overBudget(scenario, state, other, full.value)) return full.value;
  }
  return holdCourse(scenario, state, other);
}

/**
 * Plays the world forward after `move` to the resolution of round `horizon`, through the
 * rules' own phase machine (`advancePhaseInPlace`), so decisions are cleared, events
 * revealed and threats settled each round exactly as in play. The other seats follow the
 * world's policy; the seat itself holds its course (which carries out its own threats
 * falling due). Returns null when the move is not legal here.
 */
export function project(scenario: Scenario, world: World, seat: string, move: Move | null, horizon: number): Projection | null {
  let s: GameState;
  if (move !== null) {
    const applied = applyMove(scenario, world.start, seat, move);
    if (!applied.ok) return null;
    s = applied.value.state;
  } else {
    s = clonePlain(world.start);
  }
  const policy = BOT_POLICIES[world.policy];
  const random = seededRandom(world.seed);
  const others = Object.keys(s.seats).filter((id) => id !== seat);
  while (s.phase !== 'ended') {
    if (s.phase === 'negotiation') for (const other of others) s = respond(scenario, s, other, policy, random);
    if (s.phase === 'decision') {
      for (const [id, st] of Object.entries(s.seats)) {
        if (st.submitted && st.decision !== null) continue;
        st.decision = id === seat ? holdCourse(scenario, s, seat) : policyLevels(scenario, s, id, policy, random);
        st.submitted = true;
      }
    }
    if (s.phase === 'resolution' && s.round >= horizon) break;
    advancePhaseInPlace(scenario, s);
  }
  const score: Record<string, number> = {};
  const costs: Record<string, Costs> = {};
  for (const [id, st] of Object.entries(world.start.seats)) {
    score[id] = seatOf(s, id).score;
    costs[id] = totalCosts(s, id, st.costs);
  }
  return { score, costs };
}
