import type { Scenario } from '../shared/scenario/schema.ts';
import { locale, onLocaleChange, setLocale, t } from './i18n/index.ts';
import type { Table } from './net/connection.ts';
import { closeClassroom } from './net/session.ts';
import { classroomScreen } from './screens/classroom.ts';
// Screens the student's table never opens: their code (and the charts) is fetched when first shown.
import { compareScreen, debriefScreen, reviewScreen } from './screens/on-demand.ts';
import { joinScreen } from './screens/join.ts';
import { landingScreen } from './screens/landing.ts';
import type { Screen } from './screens/screen.ts';
import { seatedScreen } from './screens/waiting-room.ts';
import { addressOf, placeOf, type Place } from './ui/address.ts';

/** The app shell: picks the screen from the address and keeps the language toggle in step. */

const app = document.getElementById('app');
if (!app) throw new Error('index.html lost its #app element');
const root: HTMLElement = app;

let screen: Screen | null = null;
let seated: { gameId: string; table: Table; scenario: Scenario } | null = null;

function show(next: Screen): void {
  screen?.dispose();
  screen = next;
  root.replaceChildren(next.el);
}

function go(place: Place): void {
  const address = addressOf(place);
  if (address === window.location.pathname + window.location.search) window.history.replaceState({}, '', address);
  else window.history.pushState({}, '', address);
  route();
  root.focus({ preventScroll: false });
}

function route(): void {
  const place = placeOf(window.location.search, window.location.hash);
  const gameId = place.kind === 'game' ? place.gameId : null;
  if (place.kind === 'review' || place.kind === 'compare' || place.kind === 'debrief') {
    if (seated) void seated.table.leave();
    seated = null;
    closeClassroom();
    return show(place.kind === 'review' ? reviewScreen(place, go) : place.kind === 'compare' ? compareScreen(place, go) : debriefScreen(place, go));
  }
  if (place.kind === 'class' || place.kind === 'instructor' || place.kind === 'watch' || place.kind === 'projector') {
    if (seated) void seated.table.leave();
    seated = null;
    return show(classroomScreen(place, go));
  }
  closeClassroom();
  if (seated && seated.gameId !== gameId) {
    void seated.table.leave();
    seated = null;
  }
  if (seated) {
    show(seatedScreen(seated.table, seated.scenario));
  } else if (gameId !== null) {
    show(
      joinScreen(gameId, (table, scenario) => {
        seated = { gameId, table, scenario };
        show(seatedScreen(table, scenario));
      }),
    );
  } else {
    show(
      landingScreen(
        (id) => go({ kind: 'game', gameId: id }),
        (code) => go({ kind: 'class', code }),
      ),
    );
  }
}

function relabelShell(): void {
  document.documentElement.lang = locale();
  const skip = document.getElementById('skip-link');
  if (skip) skip.textContent = t('app.skip');
  const label = document.getElementById('lang-label');
  if (label) label.textContent = t('lang.label');
  const brand = document.getElementById('brand');
  if (brand) brand.setAttribute('aria-label', `${t('app.title')} — ${t('app.tagline')}`);
  for (const button of document.querySelectorAll<HTMLButtonElement>('#lang button')) {
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale()));
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('#lang button')) {
  button.addEventListener('click', () => {
    const next = button.dataset.locale;
    if (next !== 'en' && next !== 'es') return;
    setLocale(next);
    // The screen is rebuilt in the new language; on the table the switch moves with it, and keeps focus.
    button.focus();
  });
}

onLocaleChange(() => {
  relabelShell();
  route();
});
window.addEventListener('popstate', route);
relabelShell();
route();
