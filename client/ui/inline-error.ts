import type { Refusal } from '../../shared/protocol.ts';
import type { MoveType } from '../../shared/rules/moves.ts';
import { h, uid } from './element.ts';

/**
 * A message beside the control that caused it: the control is described by it and, for
 * an input, marked invalid while it shows. The table's live region says it aloud; this
 * is where the eye is.
 */
export type InlineError = { el: HTMLParagraphElement; show(text: string): void; clear(): void; shown(): boolean };

export function inlineError(control: HTMLElement): InlineError {
  const el = h('p', { class: 'field-error', id: uid('err') });
  const described = control.getAttribute('aria-describedby');
  control.setAttribute('aria-describedby', described ? `${described} ${el.id}` : el.id);
  const marksInvalid = control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement;
  return {
    el,
    show(text) {
      el.textContent = text;
      if (marksInvalid) control.setAttribute('aria-invalid', 'true');
    },
    clear() {
      if (el.textContent === '') return;
      el.textContent = '';
      if (marksInvalid) control.removeAttribute('aria-invalid');
    },
    shown: () => el.textContent !== '',
  };
}

/**
 * The refusals meant for one panel: each new one (by `seq`) of the move types it sends,
 * once. Refusals that came before the panel's first frame are not its news.
 */
export function refusalsFor(types: readonly MoveType[]): (refusal: (Refusal & { seq: number }) | null | undefined) => Refusal | null {
  let seen: number | null = null;
  const mine = new Set<string>(types);
  return (refusal) => {
    const seq = refusal?.seq ?? 0;
    if (seen === null || seq <= seen) {
      seen = Math.max(seen ?? 0, seq);
      return null;
    }
    seen = seq;
    return refusal && refusal.about !== undefined && mine.has(refusal.about) ? refusal : null;
  };
}
