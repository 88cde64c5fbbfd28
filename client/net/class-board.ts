import { ProjectorBoard } from '../../shared/projector.ts';
import { ServerAddress } from '../../shared/server-address.ts';
import { HttpError, parsedOrThrow, requestJson } from './connection.ts';

let address: Promise<ServerAddress> | null = null;

/** Where students on their own devices reach this server (asked once a page: it does not change while it runs). */
export function serverAddress(): Promise<ServerAddress> {
  address ??= requestJson('/api/address')
    .then((raw) => parsedOrThrow(ServerAddress, raw, 'server address'))
    .catch((error: unknown) => {
      address = null;
      throw error;
    });
  return address;
}

/** The projector's view of a class; null when no class is running with this code. */
export async function fetchBoard(code: string): Promise<ProjectorBoard | null> {
  try {
    return parsedOrThrow(ProjectorBoard, await requestJson(`/api/sessions/code/${encodeURIComponent(code)}/board`), 'class board');
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}
