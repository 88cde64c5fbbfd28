import { clonePlain } from './clone-plain.ts';
import type { GameState } from './state.ts';

/** Phases in which this round's sealed decisions have been opened. */
const DECISIONS_OPEN = new Set<GameState['phase']>(['resolution', 'debrief', 'ended']);

/**
 * What one seat may see: its own briefing-level secrets (hidden parameters, its sealed
 * decision), talks it is party to, and everything public. `null` is a spectator with
 * the public view only. The seed and PRNG state are never shown: they would reveal
 * hidden parameters and coming events.
 */
export function playerView(state: GameState, seat: string | null): GameState {
  const involves = (a: string, b: string) => seat !== null && (a === seat || b === seat);
  // Filtered before the copy: what the seat may not see is never copied at all.
  const view = clonePlain({
    ...state,
    seed: 0,
    rng: 0,
    chat: state.chat.filter((m) => involves(m.from, m.to)),
    proposals: state.proposals.filter((p) => involves(p.from, p.to)),
    threats: state.threats.filter((t) => involves(t.by, t.target)),
    promises: state.promises.filter((p) => involves(p.by, p.target)),
  });
  for (const [id, s] of Object.entries(view.seats)) {
    if (id === seat) continue;
    s.hidden = {};
    if (!DECISIONS_OPEN.has(view.phase)) s.decision = null;
  }
  return view;
}
