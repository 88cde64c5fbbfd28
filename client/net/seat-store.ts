import { z } from 'zod';

/**
 * The seat a browser holds in each game, kept in localStorage so a reload or a later
 * visit takes the same seat back (the token is the only proof; it never leaves this browser
 * except to the game server).
 */
export const HeldSeat = z.object({
  gameId: z.string(),
  seat: z.string(),
  seatToken: z.string(),
  name: z.string(),
});
export type HeldSeat = z.infer<typeof HeldSeat>;

const keyFor = (gameId: string): string => `border-bargain:seat:${gameId}`;

export function heldSeat(gameId: string): HeldSeat | null {
  try {
    const raw = globalThis.localStorage?.getItem(keyFor(gameId));
    if (!raw) return null;
    const parsed = HeldSeat.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.gameId === gameId ? parsed.data : null;
  } catch {
    return null;
  }
}

export function holdSeat(seat: HeldSeat): void {
  try {
    globalThis.localStorage?.setItem(keyFor(seat.gameId), JSON.stringify(seat));
  } catch {
    // Without storage the seat still works until the page is closed.
  }
}

export function forgetSeat(gameId: string): void {
  try {
    globalThis.localStorage?.removeItem(keyFor(gameId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
