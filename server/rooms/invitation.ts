import { matchMaker, ServerError } from '@colyseus/core';

/**
 * The matchmaking calls a client may make over `/matchmake/*`. Every room here is joined by
 * its id (a link, a class's seat, a seat token) or resumed; join-by-name and join-or-create
 * would match a stranger into a live table, and create is the server's alone.
 */
const INVITED_METHODS: ReadonlySet<string> = new Set(['joinById', 'reconnect']);

const invokeMethod = matchMaker.controller.invokeMethod;

/** Refuses, with a 403 that says why, every matchmaking call that finds a room by its name. Idempotent. */
export function admitByInvitationOnly(): void {
  matchMaker.controller.invokeMethod = function (method, roomName, clientOptions, authOptions) {
    if (!INVITED_METHODS.has(method)) {
      return Promise.reject(new ServerError(403, 'Tables are joined by invitation only: open the game’s link, or join your class with its code.'));
    }
    return invokeMethod.call(this, method, roomName, clientOptions, authOptions);
  };
}
