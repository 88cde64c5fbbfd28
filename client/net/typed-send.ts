import type { Room } from '@colyseus/sdk';

/** A room's send, typed by a message map (`ClientMessage`, `SessionClientMessage`): a misspelt type or a wrong payload does not compile. */
export type TypedSend<M> = <K extends keyof M & string>(type: K, payload: M[K]) => void;

export function typedSend<M>(room: Room): TypedSend<M> {
  return (type, payload) => room.send(type, payload);
}
