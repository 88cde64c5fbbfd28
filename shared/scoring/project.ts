import type { Costs, Scenario } from '../scenario/schema.ts';
import { applyMove } from '../rules/apply-move.ts';
import { overBudget, fullLevels } from '../rules/decision.ts';
import type { Move } from '../rules/moves.ts';
import { playerView } from '../rules/player-view.ts';
import { settleRound } from '../rules/resolve-round.ts';
import { revealEvents } from '../rules/reveal-events.ts';
import type { GameState } from '../rules/state.ts';
import type { BotPolicy } from '../bots/policy.ts';
import { holdCourse } from './hold-course.ts';

export type Projection = { score: Record<string, number>; costs: Record<string, Costs> };

/**
 * The table as `seat` can reason about it: other seats' hidden parameters are replaced by
 * the middle of their published range, so no verdict rests on what the seat could not
 * know. Chat and old rounds are dropped: nothing in a projection reads them.
 */
export function beliefState(scenario: Scenario, state: GameState, seat: string): GameState {
  const belief = structuredClone({ ...state, chat: [], history: state.history.slice(-1) });
  for (const s of scenario.seats) {
    if (s.id === seat) continue;
    for (const param of s.hidden) belief.seats[s.id].hidden[param.key] = (param.min + param.max) / 2;
  }
  return belief;
}

function totalCosts(state: GameState, seat: string, from: Costs): Costs {
  const c = state.seats[seat].costs;
  return { political: c.political - from.political, reputational: c.reputational - from.reputational, implementation: c.implementation - from.implementation };
}

/** The counterpart's negotiation moves, applied where legal; its decision is taken separately. */
function respond(scenario: Scenario, state: GameState, other: string, policy: BotPolicy, random: () => number): GameState {
  let s = state;
  for (let i = 0; i < 4; i++) {
    const moves = policy({ scenario, view: playerView(s, other), seat: other, random }).filter((m) => m.type !== 'chat' && m.type !== 'ready');
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

function counterpartLevels(scenario: Scenario, state: GameState, other: string, policy: BotPolicy, random: () => number): Record<string, number> {
  const decided = policy({ scenario, view: playerView(state, other), seat: other, random }).find((m) => m.type === 'decide');
  if (decided?.type === 'decide') {
    const full = fullLevels(scenario, state, other, decided.levels);
    if (full.ok && !overBudget(scenario, state, other, full.value)) return full.value;
  }
  return holdCourse(scenario, state, other);
}

/**
 * Plays the table forward from `start` (a belief state) after `move`, to the end of round
 * `horizon`: the counterpart follows `policy`, the seat itself holds its course. Uses the
 * same resolution code as the live round. Returns null when the move is not legal here.
 */
export function project(
  scenario: Scenario,
  start: GameState,
  seat: string,
  other: string,
  move: Move | null,
  policy: BotPolicy,
  horizon: number,
  random: () => number,
): Projection | null {
  let s = start;
  if (move !== null) {
    const applied = applyMove(scenario, s, seat, move);
    if (!applied.ok) return null;
    s = applied.value.state;
  } else {
    s = structuredClone(s);
  }
  const before = Object.fromEntries(Object.entries(start.seats).map(([id, st]) => [id, st.costs]));
  while (s.phase !== 'ended' && s.round <= horizon) {
    if (s.phase === 'briefing' || s.phase === 'negotiation') {
      s = respond(scenario, s, other, policy, random);
      for (const p of s.proposals) if (p.status === 'open') p.status = 'lapsed';
      s.phase = 'decision';
    }
    if (s.phase === 'decision') {
      for (const id of Object.keys(s.seats)) {
        const st = s.seats[id];
        if (st.submitted && st.decision) continue;
        st.decision = id === other ? counterpartLevels(scenario, s, other, policy, random) : holdCourse(scenario, s, id);
        st.submitted = true;
      }
      settleRound(scenario, s);
    }
    if (s.round >= scenario.rounds.length || s.round >= horizon) {
      s.round += 1;
      break;
    }
    // Straight into the next round's talks: projections skip the briefing and debrief pauses.
    s.round += 1;
    revealEvents(scenario, s);
    for (const st of Object.values(s.seats)) {
      st.decision = null;
      st.submitted = false;
      st.ready = false;
    }
    s.phase = 'negotiation';
    s.phaseVersion = s.version;
  }
  const score: Record<string, number> = {};
  const costs: Record<string, Costs> = {};
  for (const id of Object.keys(s.seats)) {
    score[id] = s.seats[id].score;
    costs[id] = totalCosts(s, id, before[id]);
  }
  return { score, costs };
}
