import type { ServerAddress } from '../../shared/server-address.ts';
import { inThisLanguage, t } from '../i18n/index.ts';
import { serverAddress } from '../net/class-board.ts';
import { addressOf } from '../ui/address.ts';
import { h } from '../ui/element.ts';
import { joinQr } from '../ui/join-qr.ts';
import { copyButton } from './copy-link.ts';
import '../styles/instructor.css';

export type PosterSize = 'card' | 'projector';

/** What a student types in the address bar: the base without `http://` (browsers add it), with it for https. */
export function typedAddress(base: string): string {
  return base.replace(/^http:\/\//, '');
}

/** The student link of a class at this server's public address. */
export function joinLink(address: ServerAddress, code: string): string {
  return inThisLanguage(`${address.joinBase}${addressOf({ kind: 'class', code })}`);
}

/**
 * How students get in, for the room to read: the address this server is reached at from
 * their devices (never `localhost`, unless nothing else exists, and then a warning says so),
 * the code in large type and a QR code of the student link. `card` adds the link to copy.
 */
export function joinPoster(code: string, size: PosterSize): HTMLElement {
  const site = h('strong', { class: 'join-site', text: typedAddress(window.location.origin) });
  const where = h('p', { class: 'code-label' }, t('poster.open'), ' ', site, ' ', t('poster.andType'));
  const codeText = h('p', { class: 'join-code-big', text: code });
  const others = h('p', { class: 'hint join-others', attrs: { hidden: true } });
  const warning = h('p', { class: 'join-warning', attrs: { role: 'note', hidden: true }, text: t('poster.localOnly') });
  const qrSlot = h('div', { class: 'join-qr-slot' });
  const linkSlot = h('div', { class: 'join-link-slot' });
  const el = h('div', { class: `join-poster join-poster-${size}` }, h('div', { class: 'code-block' }, where, codeText, others, warning), qrSlot, linkSlot);

  const show = (address: ServerAddress | null): void => {
    const link = address === null ? inThisLanguage(new URL(addressOf({ kind: 'class', code }), window.location.origin).href) : joinLink(address, code);
    if (address !== null) {
      site.textContent = typedAddress(address.joinBase);
      others.hidden = address.others.length === 0;
      others.textContent = t('poster.others', { addresses: address.others.map(typedAddress).join(', ') });
      warning.hidden = address.source !== 'local';
    }
    qrSlot.replaceChildren(joinQr(link, t('poster.qr', { code })));
    if (size === 'card') linkSlot.replaceChildren(copyButton(t('class.studentLink'), link));
  };
  // Until the server answers (or if it cannot), this page's own address is the best guess.
  serverAddress().then(show, () => show(null));
  return el;
}
