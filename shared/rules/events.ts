import type { Phase } from './state.ts';

/** What a move or a phase change did, for notifications and animation; derived, never stored. */
export type GameEvent =
  | { type: 'phase'; phase: Phase; round: number }
  | { type: 'proposal'; id: string }
  | { type: 'agreement'; id: string }
  | { type: 'threat'; id: string }
  | { type: 'promise'; id: string }
  | { type: 'chat'; from: string; to: string }
  | { type: 'decided'; seat: string }
  | { type: 'ready'; seat: string }
  | { type: 'resolved'; round: number }
  | { type: 'injected'; id: string };
