import type { Scenario } from '../scenario/schema.ts';
import { clonePlain } from './clone-plain.ts';
import { decide } from './decision.ts';
import type { GameEvent } from './events.ts';
import { seatOf } from './lookup.ts';
import { CHAT_MAX, type Move } from './moves.ts';
import { accept, counter, promise, propose, rejectProposal, threaten, withdraw } from './negotiation.ts';
import { ok, refusal, reject, type Result } from './result.ts';
import type { GameState, Phase } from './state.ts';

export type Applied = { state: GameState; events: GameEvent[] };

/** The phases in which each kind of move may be made: the client reads it too, to offer only what the rules take. */
export const PHASES_OF: Record<Move['type'], readonly Phase[]> = {
  propose: ['negotiation'],
  counter: ['negotiation'],
  accept: ['negotiation'],
  reject: ['negotiation'],
  withdraw: ['negotiation'],
  threaten: ['negotiation'],
  promise: ['negotiation'],
  chat: ['briefing', 'negotiation', 'decision', 'resolution', 'debrief'],
  decide: ['decision'],
  ready: ['briefing', 'negotiation', 'resolution', 'debrief'],
};

/** Moves about the phase's business must have been made in this phase; chat and ready never go stale. */
const PHASE_BOUND = new Set<Move['type']>(['propose', 'counter', 'accept', 'reject', 'withdraw', 'threaten', 'promise', 'decide']);

/**
 * The one command of the rules. Checks in a fixed order (game over → seat → version →
 * phase → the move itself) and returns a refusal as a value; it never throws for
 * anything a player can send.
 */
export function applyMove(scenario: Scenario, previous: GameState, seat: string, move: Move): Result<Applied> {
  if (previous.phase === 'ended') return reject('game/over', 'The game is over.');
  if (!previous.seats[seat]) return reject('seat/unknown', `There is no seat "${seat}" at this table.`);
  if (move.version > previous.version) return reject('state/stale', 'This move refers to a state the table has not reached.');
  if (!PHASES_OF[move.type].includes(previous.phase)) {
    return reject('phase/wrong', `"${move.type}" is not possible during the ${previous.phase} phase.`);
  }
  if (PHASE_BOUND.has(move.type) && move.version < previous.phaseVersion) {
    return reject('state/stale', 'The phase changed since you made this move.');
  }
  const state = clonePlain(previous);
  const applied = dispatch(scenario, state, seat, move);
  if (!applied.ok) return refusal(applied);
  state.version += 1;
  return ok({ state, events: applied.value });
}

function dispatch(scenario: Scenario, state: GameState, seat: string, move: Move): Result<GameEvent[]> {
  switch (move.type) {
    case 'propose':
      return propose(scenario, state, seat, move);
    case 'counter':
      return counter(scenario, state, seat, move);
    case 'accept':
      return accept(scenario, state, seat, move);
    case 'reject':
      return rejectProposal(state, seat, move);
    case 'withdraw':
      return withdraw(state, seat, move);
    case 'threaten':
      return threaten(scenario, state, seat, move);
    case 'promise':
      return promise(scenario, state, seat, move);
    case 'chat':
      return chat(state, seat, move.to, move.text);
    case 'decide':
      return decide(scenario, state, seat, move.levels);
    case 'ready':
      seatOf(state, seat).ready = true;
      return ok([{ type: 'ready', seat }]);
  }
}

function chat(state: GameState, seat: string, to: string, raw: string): Result<GameEvent[]> {
  if (to === seat || !state.seats[to]) return reject('target/invalid', 'Address another seat at the table.');
  const text = raw.trim();
  if (text === '') return reject('chat/empty', 'An empty message was not sent.');
  if ([...text].length > CHAT_MAX) return reject('chat/too-long', `Messages are limited to ${CHAT_MAX} characters.`, { max: CHAT_MAX });
  state.chat.push({ from: seat, to, text, round: state.round, version: state.version + 1 });
  return ok([{ type: 'chat', from: seat, to }]);
}
