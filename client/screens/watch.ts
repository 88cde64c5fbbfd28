import { t } from '../i18n/index.ts';
import type { WatchedTable } from '../net/session.ts';
import { addressOf } from '../ui/address.ts';
import { fill, h } from '../ui/element.ts';
import type { Screen } from './screen.ts';
import { tableScreen } from './table.ts';

/** One table of the class, as the instructor watches it: the table screen with no seat, so nothing to press. */
export function watchScreen(watched: WatchedTable, sessionId: string): Screen {
  const back = h('a', { text: t('watch.back'), attrs: { href: addressOf({ kind: 'instructor', sessionId, secret: null }) } });
  const bar = h('p', { class: 'watch-bar', attrs: { role: 'note' } }, h('span', { class: 'badge', text: t('watch.badge') }), h('span', { text: t('watch.readOnly') }), back);
  const status = h('p', { class: 'muted', attrs: { role: 'status' }, text: t('common.loading') });
  const el = h('div', { class: 'watch' }, bar, status);
  let inner: Screen | null = null;
  let disposed = false;

  watched.ready
    .then(({ table, scenario }) => {
      if (disposed) return;
      inner = tableScreen(table, scenario);
      fill(el, bar, inner.el);
    })
    .catch((error: unknown) => {
      if (disposed) return;
      status.classList.add('error');
      status.textContent = t('watch.failed', { message: error instanceof Error ? error.message : String(error) });
    });

  return {
    el,
    dispose: () => {
      disposed = true;
      inner?.dispose();
    },
  };
}
