import type { Scenario } from '../../shared/scenario/schema.ts';
import { t } from '../i18n/index.ts';
import { h } from '../ui/element.ts';
import { seatName } from '../ui/names.ts';
import { tabOfNotice, type Notice, type NoticeBoard } from '../ui/table-notices.ts';
import type { TabId } from '../ui/table-tabs.ts';

/** One notice in the student's language. */
export function noticeText(scenario: Scenario, notice: Notice): string {
  switch (notice.kind) {
    case 'announcement':
      return t('notice.announcement');
    case 'unsealed':
      return t('notice.unsealed');
    case 'proposal':
    case 'counter':
    case 'accepted':
    case 'rejected':
    case 'threat':
    case 'promise':
    case 'chat':
      return t(`notice.${notice.kind}`, { seat: seatName(scenario, notice.from) });
  }
}

export type NoticeStrip = { el: HTMLElement; render(board: NoticeBoard): void };

/**
 * The latest news in the bar at the top of the screen, with a button to the section where
 * it is dealt with. It is not a live region itself: the screen says each notice once, politely.
 */
export function noticeStrip(scenario: Scenario, open: (notice: Notice, tab: TabId | null) => void, dismiss: () => void): NoticeStrip {
  const text = h('p', { class: 'notice-text' });
  const more = h('span', { class: 'notice-more' });
  const go = h('button', { class: 'notice-open', attrs: { type: 'button' } });
  const close = h('button', { class: 'ghost notice-dismiss', text: t('notices.dismiss'), attrs: { type: 'button' }, on: { click: () => dismiss() } });
  const el = h('div', { class: 'notice-strip', attrs: { role: 'group', 'aria-label': t('notices.label') } }, h('div', { class: 'notice-words' }, text, more), go, close);
  el.hidden = true;
  let latest: Notice | null = null;
  go.addEventListener('click', () => {
    if (latest) open(latest, tabOfNotice(latest));
  });

  function render(board: NoticeBoard): void {
    latest = board.shown.at(-1) ?? null;
    el.hidden = latest === null;
    if (latest === null) return;
    text.textContent = noticeText(scenario, latest);
    const others = board.shown.length - 1;
    more.textContent = others > 0 ? ` ${t('notices.more', { count: others })}` : '';
    const tab = tabOfNotice(latest);
    go.hidden = tab === null;
    if (tab !== null) go.textContent = t('notices.open', { tab: t(`tabs.${tab}`) });
  }

  return { el, render };
}
