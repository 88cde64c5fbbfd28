import { z } from 'zod';
import { JoinedSession } from '../../shared/session.ts';

/**
 * What this browser holds for class sessions. A student's token brings them back to the
 * same lobby and seat without typing anything; an instructor's secret opens the control
 * page. Both stay in this browser: they travel only to the game server, never in an address's
 * query string and never into a log.
 */

export const StudentIdentity = JoinedSession.extend({
  name: z.string(),
  code: z.string(),
  /** The last game this student was seated at: its results stay open after the class has closed. */
  gameId: z.string().optional(),
});
export type StudentIdentity = z.infer<typeof StudentIdentity>;

const STUDENT_PREFIX = 'border-bargain:student:';
const SECRET_PREFIX = 'border-bargain:instructor:';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Storage can be missing (tests) or blocked (private mode): every use is guarded. */
function local(): Store | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function perTab(): Store | undefined {
  try {
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function read(store: Store | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(store: Store | undefined, key: string, value: string): void {
  try {
    store?.setItem(key, value);
  } catch {
    // Without storage it still works until the page is closed.
  }
}

function remove(store: Store | undefined, key: string): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

function parseIdentity(raw: string | null): StudentIdentity | null {
  if (raw === null) return null;
  try {
    const parsed = StudentIdentity.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function rememberStudent(identity: StudentIdentity, store: Store | undefined = local()): void {
  write(store, STUDENT_PREFIX + identity.sessionId, JSON.stringify(identity));
}

export function forgetStudent(sessionId: string, store: Store | undefined = local()): void {
  remove(store, STUDENT_PREFIX + sessionId);
}

/** The identity this browser holds in the session with this join code, if any. */
export function studentByCode(code: string, store: Store | undefined = local()): StudentIdentity | null {
  return studentWhere((identity) => identity.code === code, store);
}

/** The identity this browser holds whose last table was this game, if any. */
export function studentByGame(gameId: string, store: Store | undefined = local()): StudentIdentity | null {
  return studentWhere((identity) => identity.gameId === gameId, store);
}

function studentWhere(matches: (identity: StudentIdentity) => boolean, store: Store | undefined): StudentIdentity | null {
  if (store === undefined) return null;
  let length = 0;
  try {
    length = store.length;
  } catch {
    return null;
  }
  for (let i = 0; i < length; i++) {
    const key = safeKey(store, i);
    if (key === null || !key.startsWith(STUDENT_PREFIX)) continue;
    const identity = parseIdentity(read(store, key));
    if (identity !== null && matches(identity)) return identity;
  }
  return null;
}

function safeKey(store: Store, index: number): string | null {
  try {
    return store.key(index);
  } catch {
    return null;
  }
}

/** Kept per tab and per browser: a new tab (a "Watch" view) finds it too. */
export function rememberSecret(sessionId: string, secret: string, stores: (Store | undefined)[] = [perTab(), local()]): void {
  for (const store of stores) write(store, SECRET_PREFIX + sessionId, secret);
}

export function secretFor(sessionId: string, stores: (Store | undefined)[] = [perTab(), local()]): string | null {
  for (const store of stores) {
    const secret = read(store, SECRET_PREFIX + sessionId);
    if (secret !== null && secret !== '') return secret;
  }
  return null;
}

/** A secret the server refused is not kept: the next visit without one says so instead of failing again. */
export function forgetSecret(sessionId: string, refused: string, stores: (Store | undefined)[] = [perTab(), local()]): void {
  for (const store of stores) {
    if (read(store, SECRET_PREFIX + sessionId) === refused) remove(store, SECRET_PREFIX + sessionId);
  }
}
