import { CODE_ALPHABET, CODE_LENGTH, JoinCode } from '../../shared/session.ts';

/**
 * Which page an address opens. The instructor's secret rides in the fragment
 * (`#secret=…`), which browsers never send to a server; everything else is in the query.
 */
export type Place =
  | { kind: 'landing' }
  | { kind: 'game'; gameId: string }
  /** A student joining a class, or coming back to it: `/?code=ABC123`. */
  | { kind: 'class'; code: string }
  | { kind: 'instructor'; sessionId: string; secret: string | null }
  /** The class's screen for the projector, by join code (`/?project=ABC123`): nothing secret on it. */
  | { kind: 'projector'; code: string }
  /** The instructor watching one table of the class, read-only. */
  | { kind: 'watch'; sessionId: string; gameId: string; secret: string | null }
  /**
   * A game's replay (`/?review=GAME`), opened by the class's instructor (`&session=`, secret
   * in the fragment), a student of the table, or anyone once it is over; `debrief` prints it.
   */
  | { kind: 'review'; gameId: string; sessionId: string | null; secret: string | null; debrief: boolean }
  /** The instructor's comparison of a session's tables. */
  | { kind: 'compare'; sessionId: string; secret: string | null }
  /** The printable debrief of a whole session. */
  | { kind: 'debrief'; sessionId: string; secret: string | null };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function idParam(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? '';
  return ID.test(value) ? value : null;
}

/**
 * An instructor's page with its secret in the fragment: the lasting link that opens the
 * page in any browser, on any device, for as long as the class lives.
 */
export function withSecret(address: string, secret: string): string {
  return `${address}#secret=${encodeURIComponent(secret)}`;
}

export function secretFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const secret = params.get('secret')?.trim() ?? '';
  return secret === '' ? null : secret;
}

export function placeOf(search: string, hash: string): Place {
  const params = new URLSearchParams(search);
  const sessionId = idParam(params, 'session');
  const reviewed = idParam(params, 'review');
  if (reviewed !== null) return { kind: 'review', gameId: reviewed, sessionId, secret: sessionId === null ? null : secretFromHash(hash), debrief: params.has('debrief') };
  if (sessionId !== null) {
    const secret = secretFromHash(hash);
    if (params.has('compare')) return { kind: 'compare', sessionId, secret };
    if (params.has('debrief')) return { kind: 'debrief', sessionId, secret };
    const gameId = idParam(params, 'watch');
    return gameId === null ? { kind: 'instructor', sessionId, secret } : { kind: 'watch', sessionId, gameId, secret };
  }
  if (params.has('project')) return { kind: 'projector', code: cleanCode(params.get('project') ?? '') };
  if (params.has('code')) return { kind: 'class', code: cleanCode(params.get('code') ?? '') };
  const gameId = idParam(params, 'game');
  return gameId === null ? { kind: 'landing' } : { kind: 'game', gameId };
}

/** The address of a place, without any secret: what may show in the address bar. */
export function addressOf(place: Place): string {
  switch (place.kind) {
    case 'landing':
      return '/';
    case 'game':
      return `/?game=${encodeURIComponent(place.gameId)}`;
    case 'class':
      return place.code === '' ? '/?code=' : `/?code=${encodeURIComponent(place.code)}`;
    case 'instructor':
      return `/?session=${encodeURIComponent(place.sessionId)}`;
    case 'projector':
      return `/?project=${encodeURIComponent(place.code)}`;
    case 'watch':
      return `/?session=${encodeURIComponent(place.sessionId)}&watch=${encodeURIComponent(place.gameId)}`;
    case 'review': {
      const session = place.sessionId === null ? '' : `&session=${encodeURIComponent(place.sessionId)}`;
      return `/?review=${encodeURIComponent(place.gameId)}${session}${place.debrief ? '&debrief' : ''}`;
    }
    case 'compare':
      return `/?session=${encodeURIComponent(place.sessionId)}&compare`;
    case 'debrief':
      return `/?session=${encodeURIComponent(place.sessionId)}&debrief`;
  }
}

/** What a student types, as a code: upper case, no spaces or dashes (codes are often read out as "ABC-123"). */
export function cleanCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

/** A join code from what was typed or pasted: a bare code, or a link that carries `?code=`. */
export function codeFrom(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  let candidate = text;
  if (/^https?:\/\//i.test(text) || text.startsWith('/') || text.startsWith('?')) {
    try {
      candidate = new URL(text, 'http://placeholder.invalid').searchParams.get('code') ?? '';
    } catch {
      return null;
    }
  }
  const parsed = JoinCode.safeParse(cleanCode(candidate));
  return parsed.success ? parsed.data : null;
}

export type CodeProblem = 'empty' | 'length' | 'letters';

/** Why a typed code is not one, in the order a student would fix it. */
export function codeProblem(input: string): CodeProblem | null {
  const code = cleanCode(input.trim());
  if (code === '') return 'empty';
  if ([...code].some((ch) => !CODE_ALPHABET.includes(ch))) return 'letters';
  if (code.length !== CODE_LENGTH) return 'length';
  return null;
}
