import type { SessionReview } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { exportButtons } from '../compare/export-buttons.ts';
import { createForksTable } from '../compare/forks-table.ts';
import { stillPlaying } from '../compare/outcome-data.ts';
import { createOutcomePlot } from '../compare/outcome-plot.ts';
import { createOutcomeTable } from '../compare/outcome-table.ts';
import { createProfilesTable } from '../compare/profiles-table.ts';
import { byLabel } from '../compare/profile-rows.ts';
import { replayLink, replayPlace } from '../compare/replay-link.ts';
import { local, locale, t } from '../i18n/index.ts';
import { fetchSessionReview } from '../net/compare-api.ts';
import { fetchScenario, HttpError } from '../net/connection.ts';
import { addressOf, type Place } from '../ui/address.ts';
import { fill, h } from '../ui/element.ts';
import { secretOf } from './classroom.ts';
import type { Screen } from './screen.ts';
import '../styles/compare.css';

/** How often the comparison is fetched again while a table (or a fork) is still being played. */
export const REFRESH_MS = 10_000;

type Sections = { update(review: SessionReview): void; dispose(): void };

/**
 * The instructor's comparison of a class's tables: every outcome on one plot (and as a
 * table), how each seat played, each forked table beside its forks, the exports and the
 * printable debriefs. It reads the server's comparison and decides nothing itself.
 */
export function compareScreen(place: Extract<Place, { kind: 'compare' }>, go: (place: Place) => void): Screen {
  const { sessionId } = place;
  const found = secretOf(place);
  if (found === null) {
    const el = h(
      'section',
      { class: 'card narrow' },
      h('h1', { text: t('compare.heading') }),
      h('p', { class: 'error', attrs: { role: 'alert' }, text: t('desk.noSecret') }),
      h('p', {}, h('a', { text: t('join.back'), attrs: { href: '/' } })),
    );
    return { el, dispose: () => undefined };
  }
  const secret: string = found;

  const eyebrow = h('p', { class: 'eyebrow' });
  const title = h('h1', { id: 'compare-h', text: t('compare.heading') });
  // Not a live region: a screen reader would hear the time every ten seconds.
  const updated = h('p', { class: 'compare-updated', text: t('common.loading') });
  const problem = h('p', { class: 'error', attrs: { role: 'alert' } });
  const refresh = h('button', { class: 'secondary', text: t('compare.refresh'), attrs: { type: 'button' } });
  const back = h('a', { text: t('compare.back'), attrs: { href: addressOf({ kind: 'instructor', sessionId, secret: null }) } });
  const head = h(
    'section',
    { class: 'card compare-head', attrs: { 'aria-labelledby': 'compare-h' } },
    h('div', { class: 'compare-title' }, eyebrow, title, h('p', {}, back)),
    h('div', { class: 'compare-refresh' }, refresh, updated, problem),
    h('div', { class: 'compare-exports' }, h('h2', { class: 'compare-sub', text: t('export.heading') }), exportButtons(sessionId, () => secret)),
  );
  const body = h('div', { class: 'compare-body' });
  const el = h('div', { class: 'compare' }, head, body);

  let scenario: Scenario | null = null;
  let sections: Sections | null = null;
  let latest: SessionReview | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let loading = false;
  let disposed = false;
  const build = (loaded: Scenario): Sections => {
    const plot = createOutcomePlot(loaded, go);
    const points = createOutcomeTable(loaded, go);
    const profiles = createProfilesTable(loaded);
    const forks = createForksTable(loaded, go);
    const debriefs = h('ul', { class: 'debrief-links' });
    const section = (id: string, heading: string, ...children: HTMLElement[]): HTMLElement =>
      h('section', { class: 'card compare-section', attrs: { 'aria-labelledby': id } }, h('h2', { id, text: heading }), ...children);
    const empty = h('p', { class: 'muted', text: t('compare.noTables') });
    const content = h(
      'div',
      { class: 'compare-sections' },
      section('compare-plot-h', t('compare.plot.heading'), h('p', { class: 'hint', text: t('compare.plot.intro') }), plot.el, points.el),
      section('compare-profiles-h', t('compare.profiles.heading'), profiles.el),
      section('compare-forks-h', t('compare.forks.heading'), forks.el),
      section('compare-debriefs-h', t('compare.debriefs.heading'), debriefs),
    );
    fill(body, empty, content);
    return {
      update(review) {
        empty.hidden = review.tables.length > 0;
        content.hidden = review.tables.length === 0;
        eyebrow.textContent = t('compare.eyebrow', { code: review.code });
        title.textContent = `${t('compare.heading')} · ${local(loaded.title)}`;
        plot.update(review);
        points.update(review);
        profiles.update(review);
        forks.update(review);
        fill(
          debriefs,
          h('li', {}, replayLink(t('compare.debriefs.session'), t('compare.debriefs.session'), { kind: 'debrief', sessionId, secret: null }, go)),
          ...[...review.tables]
            .sort((a, b) => byLabel(a.table, b.table))
            .map((table) => {
              const text = t('compare.debriefs.table', { table: table.table });
              return h('li', {}, replayLink(text, text, replayPlace(table.gameId, sessionId, true), go));
            }),
        );
      },
      dispose: () => plot.dispose(),
    };
  };

  const schedule = (again: boolean): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!disposed && again) timer = setTimeout(() => void load(), REFRESH_MS);
  };

  async function load(): Promise<void> {
    if (loading || disposed) return;
    loading = true;
    refresh.disabled = true;
    refresh.setAttribute('aria-busy', 'true');
    try {
      const review = await fetchSessionReview(sessionId, secret);
      scenario ??= await fetchScenario(review.scenarioId);
      if (disposed) return;
      sections ??= build(scenario);
      latest = review;
      sections.update(review);
      problem.textContent = '';
      const time = new Intl.DateTimeFormat(locale() === 'es' ? 'es-MX' : 'en-US', { timeStyle: 'medium' }).format(new Date());
      updated.textContent = `${t('compare.updated', { time })} · ${t(stillPlaying(review) ? 'compare.live' : 'compare.allDone')}`;
      schedule(stillPlaying(review));
    } catch (error) {
      if (disposed) return;
      updated.textContent = '';
      problem.textContent = t('compare.failed', { message: error instanceof Error ? error.message : String(error) });
      // A failed load tries again (the server may be restarting), unless the key does not open
      // this class or the class is gone: asking again will not change that.
      const final = error instanceof HttpError && (error.status === 403 || error.status === 404);
      schedule(!final && (latest === null || stillPlaying(latest)));
    } finally {
      loading = false;
      refresh.disabled = false;
      refresh.removeAttribute('aria-busy');
    }
  }

  refresh.addEventListener('click', () => void load());
  void load();

  return {
    el,
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      sections?.dispose();
    },
  };
}
