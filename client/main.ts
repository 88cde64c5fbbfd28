import type { Scenario } from '../shared/scenario/schema.ts';
import { locale, onLocaleChange, setLocale, t } from './i18n/index.ts';
import type { Table } from './net/connection.ts';
import { joinScreen } from './screens/join.ts';
import { landingScreen } from './screens/landing.ts';
import type { Screen } from './screens/screen.ts';
import { tableScreen } from './screens/table.ts';

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

function currentGame(): string | null {
  const id = new URLSearchParams(window.location.search).get('game');
  return id && id.trim() !== '' ? id.trim() : null;
}

function go(gameId: string | null): void {
  window.history.pushState({}, '', gameId === null ? '/' : `/?game=${encodeURIComponent(gameId)}`);
  route();
  root.focus({ preventScroll: false });
}

function route(): void {
  const gameId = currentGame();
  if (seated && seated.gameId !== gameId) {
    void seated.table.leave();
    seated = null;
  }
  if (seated) {
    show(tableScreen(seated.table, seated.scenario));
  } else if (gameId !== null) {
    show(
      joinScreen(gameId, (table, scenario) => {
        seated = { gameId, table, scenario };
        show(tableScreen(table, scenario));
      }),
    );
  } else {
    show(landingScreen((id) => go(id)));
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
    if (next === 'en' || next === 'es') setLocale(next);
  });
}

onLocaleChange(() => {
  relabelShell();
  route();
});
window.addEventListener('popstate', route);
relabelShell();
route();
