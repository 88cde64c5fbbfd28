import { t } from '../i18n/index.ts';
import type { Table } from '../net/connection.ts';
import { h } from '../ui/element.ts';

export type AnnouncementBanner = { el: HTMLElement; show(text: string | null): void };

/**
 * The instructor's message to the class: a polite `role="status"` banner, so a screen
 * reader reads it without interrupting, that the student may dismiss. A new message shows again.
 */
export function announcementBanner(dismissible = true): AnnouncementBanner {
  const label = h('p', { class: 'announcement-label' });
  const text = h('p', { class: 'announcement-text', attrs: { dir: 'auto' } });
  // The live region is always in the page, empty when there is nothing to say: a region that
  // appears together with its text is often not read out.
  const region = h('div', { class: 'announcement-body', attrs: { role: 'status', 'aria-live': 'polite' } }, label, text);
  const dismiss = h('button', { class: 'ghost', text: t('announcement.dismiss'), attrs: { type: 'button', hidden: true } });
  const el = h('div', { class: 'announcement' }, region, dismissible ? dismiss : null);
  const show = (message: string | null): void => {
    const visible = message !== null && message !== '';
    el.classList.toggle('visible', visible);
    dismiss.hidden = !visible;
    label.textContent = visible ? t('announcement.label') : '';
    text.textContent = visible ? message : '';
  };
  dismiss.addEventListener('click', () => show(null));
  return { el, show };
}

/** The banner fed by a table's game room, where announcements reach seated students. */
export function createAnnouncement(table: Table): { el: HTMLElement; dispose(): void } {
  const banner = announcementBanner();
  let seen = 0;
  const render = (): void => {
    const announcement = table.model().announcement;
    if (announcement === null || announcement.seq === seen) return;
    seen = announcement.seq;
    banner.show(announcement.text);
  };
  const unsubscribe = table.subscribe((_model, change) => {
    if (change === 'announcement') render();
  });
  render();
  return { el: banner.el, dispose: unsubscribe };
}
