import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../../shared/session.ts';

/**
 * The three secrets of a class: a join code (short, read aloud, only as strong as its
 * rate limit), the instructor's secret and each student's token (long bearer secrets,
 * stored only as hashes).
 */

/** 25^6 ≈ 244 million codes: with joins rate-limited per address, guessing a live one is hopeless. */
export function mintJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 256 random bits: the instructor's link carries it; the server keeps only its hash. */
export function mintSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** Constant-time: a wrong secret takes as long to refuse whichever byte it differs in. */
export function secretMatches(secret: string, secretHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret));
  const stored = Buffer.from(secretHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** 72 random bits in a URL-safe id: sessions, students and games cannot be found by guessing. */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}
