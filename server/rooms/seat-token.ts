import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A seat token is a bearer secret: whoever holds it holds the seat for the life of the game. */
export function mintSeatToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Only the hash is stored, so the database alone gives no seat away. */
export function hashSeatToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function tokenMatches(token: string, tokenHash: string): boolean {
  const presented = Buffer.from(hashSeatToken(token));
  const stored = Buffer.from(tokenHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
