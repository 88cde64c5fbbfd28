import { CreatedPractice, type CreatePracticeBody } from '../../shared/practice.ts';
import { parsedOrThrow, requestJson } from './connection.ts';
import { holdSeat } from './seat-store.ts';

/** Make a practice game and keep its seat's token in this browser, so opening the game takes the seat at once. */
export async function createPractice(body: CreatePracticeBody): Promise<CreatedPractice> {
  const raw = await requestJson('/api/practice', { method: 'POST', body: JSON.stringify(body) });
  const created = parsedOrThrow(CreatedPractice, raw, 'practice game');
  holdSeat({ gameId: created.gameId, seat: created.seat, seatToken: created.seatToken, name: body.name });
  return created;
}
