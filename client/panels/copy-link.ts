import { t } from '../i18n/index.ts';
import { field, h } from '../ui/element.ts';

/** A link to hand out: shown in a read-only field, copied with one press (or selected to copy by hand). */
export function copyButton(label: string, link: string): HTMLElement {
  const input = h('input', { class: 'link', attrs: { type: 'text', readonly: true, value: link } });
  const copied = h('p', { class: 'hint', attrs: { role: 'status' } });
  const copy = h('button', {
    class: 'secondary',
    text: t('landing.copy'),
    attrs: { type: 'button' },
    on: {
      click: () => {
        // A classroom server reached over plain http on the school network has no clipboard API.
        const writing = 'clipboard' in navigator && navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject(new Error('no clipboard'));
        writing
          .then(() => (copied.textContent = t('landing.copied')))
          .catch(() => {
            input.select();
            copied.textContent = t('landing.copyFailed');
          });
      },
    },
  });
  input.addEventListener('focus', () => input.select());
  return h('div', { class: 'copy-link' }, h('div', { class: 'link-row' }, field(label, input), copy), copied);
}
