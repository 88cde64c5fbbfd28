import type { GameState } from '../../shared/rules/state.ts';

/**
 * Where the replay's states come from. With the whole record the page replays it itself
 * (a scrubber with snapshots: every step at once); a seat reviewing a game still in play
 * asks the server for each step as that seat saw it. Either way the screen asks for a step
 * and is told when its state is there; an answer for a step the reader has already left
 * is kept for later but never shown.
 */
export type FrameListener = {
  frame(step: number, state: GameState): void;
  /** The step's state is on its way (remote only). */
  waiting(step: number): void;
  failed(step: number, error: unknown): void;
};

export type FrameSource = {
  /** The last step: the number of entries in the record. */
  readonly steps: number;
  want(step: number): void;
  dispose(): void;
};

export function clampStep(step: number, steps: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(steps, Math.trunc(step)));
}

/** States replayed on this page: answered at once. */
export function localFrames(scrubber: { readonly steps: number; stateAt(step: number): GameState }, listener: FrameListener): FrameSource {
  let disposed = false;
  return {
    steps: scrubber.steps,
    want(step) {
      if (disposed) return;
      const at = clampStep(step, scrubber.steps);
      let state: GameState;
      try {
        state = scrubber.stateAt(at);
      } catch (error) {
        listener.failed(at, error);
        return;
      }
      listener.frame(at, state);
    },
    dispose() {
      disposed = true;
    },
  };
}

/** Answers kept for going back and forth; a replay of a few hundred steps rarely needs more. */
export const FRAME_CACHE_SIZE = 64;
/** Requests at once: holding an arrow key asks for the step it lands on, not every step it passes. */
export const FRAMES_IN_FLIGHT = 2;

/**
 * States fetched one step at a time, latest wins: only the step asked for last is shown,
 * and while requests are out, the steps passed on the way are skipped rather than queued.
 */
export function remoteFrames(steps: number, load: (step: number) => Promise<GameState>, listener: FrameListener, cacheSize = FRAME_CACHE_SIZE): FrameSource {
  const cache = new Map<number, GameState>();
  const inFlight = new Set<number>();
  let latest: number | null = null;
  let disposed = false;

  const remember = (step: number, state: GameState): void => {
    cache.delete(step);
    cache.set(step, state);
    while (cache.size > cacheSize) {
      const oldest = cache.keys().next();
      if (oldest.done === true) break;
      cache.delete(oldest.value);
    }
  };

  const fetchLatest = (): void => {
    if (disposed || latest === null || cache.has(latest) || inFlight.has(latest) || inFlight.size >= FRAMES_IN_FLIGHT) return;
    const step = latest;
    inFlight.add(step);
    load(step).then(
      (state) => {
        inFlight.delete(step);
        if (disposed) return;
        remember(step, state);
        if (latest === step) listener.frame(step, state);
        fetchLatest();
      },
      (error: unknown) => {
        inFlight.delete(step);
        if (disposed) return;
        if (latest === step) listener.failed(step, error);
        else fetchLatest();
      },
    );
  };

  return {
    steps,
    want(step) {
      if (disposed) return;
      const at = clampStep(step, steps);
      latest = at;
      const cached = cache.get(at);
      if (cached !== undefined) {
        remember(at, cached);
        listener.frame(at, cached);
        return;
      }
      listener.waiting(at);
      fetchLatest();
    },
    dispose() {
      disposed = true;
    },
  };
}
