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
  const view = structuredClone(state);
  view.seed = 0;
  view.rng = 0;
  for (const [id, s] of Object.entries(view.seats)) {
    if (id === seat) continue;
    s.hidden = {};
    if (!DECISIONS_OPEN.has(view.phase)) s.decision = null;
  }
  const involves = (a: string, b: string) => seat !== null && (a === seat || b === seat);
  view.chat = view.chat.filter((m) => involves(m.from, m.to));
  view.proposals = view.proposals.filter((p) => involves(p.from, p.to));
  view.threats = view.threats.filter((t) => involves(t.by, t.target));
  view.promises = view.promises.filter((p) => involves(p.by, p.target));
  return view;
}
