import { locale, t } from '../i18n/index.ts';
import { closeClassroom, instructorDesk, studentSession, watchTable } from '../net/session.ts';
import { forgetStudent, rememberSecret, secretFor, studentByCode, type StudentIdentity } from '../net/session-store.ts';
import { addressOf, type Place } from '../ui/address.ts';
import { h } from '../ui/element.ts';
import { instructorScreen } from './instructor.ts';
import { joinCodeScreen } from './join-code.ts';
import { lobbyScreen } from './lobby.ts';
import { projectorScreen } from './projector.ts';
import type { Screen } from './screen.ts';
import { watchScreen } from './watch.ts';

export type ClassPlace = Extract<Place, { kind: 'class' | 'instructor' | 'watch' | 'projector' }>;

/** Secrets seen this page's life, for a browser whose storage is blocked. */
const secretsInMemory = new Map<string, string>();

/**
 * The instructor's secret, from the address or, failing that, this browser. Either way the
 * address bar ends up holding it in the fragment, so the address is the lasting link: it
 * opens this page in any other browser or device, and after this one's storage is cleared.
 * The fragment never reaches a server or its logs; the projector view carries no secret.
 */
export function secretOf(place: Place & { sessionId: string; secret: string | null }): string | null {
  const secret = place.secret ?? secretFor(place.sessionId) ?? secretsInMemory.get(place.sessionId) ?? null;
  if (secret === null) return null;
  // Kept too, for the pages this one opens in new tabs (watch, compare, debrief).
  rememberSecret(place.sessionId, secret);
  secretsInMemory.set(place.sessionId, secret);
  // Whatever else the fragment says (a replay's step) stays beside it.
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  fragment.set('secret', secret);
  window.history.replaceState(window.history.state, '', `${addressOf(place)}#${fragment.toString()}`);
  return secret;
}

function noSecret(): Screen {
  const el = h(
    'section',
    { class: 'card narrow' },
    h('h1', { text: t('desk.heading') }),
    h('p', { class: 'error', attrs: { role: 'alert' }, text: t('desk.noSecret') }),
    h('p', {}, h('a', { text: t('join.back'), attrs: { href: '/' } })),
  );
  return { el, dispose: () => undefined };
}

/** Class sessions' pages: a student's join and lobby, the instructor's desk, a watched table, the projector. */
export function classroomScreen(place: ClassPlace, go: (place: Place) => void): Screen {
  if (place.kind === 'projector') return projectorScreen(place.code);
  if (place.kind === 'instructor' || place.kind === 'watch') {
    const secret = secretOf(place);
    if (secret === null) return noSecret();
    if (place.kind === 'instructor') return instructorScreen(instructorDesk(place.sessionId, secret), secret);
    return watchScreen(watchTable(place.gameId, secret, t('watch.name'), locale()), place.sessionId);
  }

  // A student: straight back to the lobby (or the table) when this browser already joined.
  const el = h('div', { class: 'classroom' });
  let current: Screen | null = null;
  const swap = (next: Screen): void => {
    current?.dispose();
    current = next;
    el.replaceChildren(next.el);
  };
  const joined = (identity: StudentIdentity): void => go({ kind: 'class', code: identity.code });
  const lobby = (identity: StudentIdentity): Screen =>
    lobbyScreen(studentSession(identity, locale), identity, (notice) => {
      const lastGame = studentByCode(identity.code)?.gameId;
      forgetStudent(identity.sessionId);
      closeClassroom();
      swap(joinCodeScreen(identity.code, joined, notice === undefined ? undefined : { notice, lastGame }));
    });
  const identity = place.code === '' ? null : studentByCode(place.code);
  swap(identity === null ? joinCodeScreen(place.code, joined) : lobby(identity));
  return { el, dispose: () => current?.dispose() };
}
