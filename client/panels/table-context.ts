import type { PlayerView, Refusal } from '../../shared/protocol.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import type { ConnectionStatus } from '../net/connection.ts';
import type { Controls } from '../ui/phase-controls.ts';
import type { Problem } from '../ui/move-drafts.ts';

/** What every panel is given once: the scenario, its seat, and the intents it may send. */
export type TableContext = {
  scenario: Scenario;
  /** Null for a spectator. */
  seat: string | null;
  /** Send a move made against the latest state the player saw. */
  send(move: Move): void;
  /** The version of the latest state, stamped on every move. */
  version(): number;
  /** Show a local problem (bad input) in the table's alert area; null clears it. */
  notify(problem: Problem | null): void;
};

/** What every panel is given on each change. */
export type TableFrame = {
  view: PlayerView;
  state: GameState;
  controls: Controls;
  status: ConnectionStatus;
  clockOffset: number;
  /** The server's latest refusal; `seq` tells a new one from one already shown. A panel shows it beside the control whose move it refuses (`about`). */
  refusal?: (Refusal & { seq: number }) | null;
};

/** A panel owns its element; forms keep what the player typed across updates. */
export type Panel = {
  el: HTMLElement;
  update(frame: TableFrame): void;
};
