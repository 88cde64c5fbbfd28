import { h } from './element.ts';

/**
 * A QR code of a link, as an image: a phone's camera opens the link without typing.
 * The encoder loads only when a QR is drawn, so no student page carries it. An <img> of
 * the SVG (not the SVG in the page) keeps the encoder's markup out of the document.
 */
export function joinQr(link: string, label: string): HTMLElement {
  const img = h('img', { class: 'join-qr', attrs: { alt: label, width: 240, height: 240 } });
  const box = h('figure', { class: 'join-qr-box', attrs: { 'aria-busy': 'true' } }, img);
  import('qrcode')
    // A CommonJS package: its functions sit on the default export.
    .then(({ default: QRCode }) => QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } }))
    .then((svg) => {
      img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      img.dataset.link = link;
    })
    .catch(() => {
      box.hidden = true;
    })
    .finally(() => box.removeAttribute('aria-busy'));
  return box;
}
