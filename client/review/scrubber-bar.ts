import type { TimelineMark } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import { markTitle } from './entry-words.ts';
import { isDecisionMark } from './timeline-steps.ts';

export type ScrubberBarOptions = {
  scenario: Scenario;
  marks: readonly TimelineMark[];
  steps: number;
  /** A fork: the steps up to here were played in the original game. */
  forkStep: number | null;
  onChoose(step: number): void;
  /** Previous or next decision, or null at either end. */
  decisionFrom(step: number, dir: 1 | -1): number | null;
};

export type ScrubberBar = { el: HTMLElement; range: HTMLInputElement; show(step: number, valueText: string): void };

/** The range thumb's width in CSS pixels: the marks strip is inset by half of it so a mark sits under the thumb at its step. */
const THUMB_PX = 18;

function markClass(mark: TimelineMark): string {
  if (mark.kind === 'inject') return 'mark mark-inject';
  if (mark.kind === 'end') return 'mark mark-end';
  if (mark.kind === 'advance') return mark.resolves ? 'mark mark-resolves' : 'mark mark-advance';
  if (!isDecisionMark(mark)) return 'mark mark-minor';
  return `mark mark-decision label-${mark.label ?? 'none'}${mark.turning ? ' turning' : ''}`;
}

function markGlyph(mark: TimelineMark): string {
  if (mark.turning) return '★';
  if (mark.kind === 'inject') return '◆';
  return '';
}

/**
 * The timeline under the replay: a range input (arrow keys, Home/End, and the page's own
 * keys), a strip of marks drawn along it (decisions coloured by their verdict, turning
 * points starred, round resolutions, injected events), step buttons, and every entry as
 * an ordered list of buttons for the keyboard and screen readers (built when opened).
 */
export function createScrubberBar(options: ScrubberBarOptions): ScrubberBar {
  const { scenario, marks, steps } = options;
  let current = 0;

  const range = h('input', {
    id: 'scrub-range',
    class: 'scrub-range',
    attrs: { type: 'range', min: 0, max: steps, step: 1, value: 0, 'aria-keyshortcuts': 'ArrowLeft ArrowRight Home End PageUp PageDown' },
  });
  range.addEventListener('input', () => options.onChoose(Number(range.value)));
  const readout = h('p', { class: 'scrub-readout', attrs: { 'aria-hidden': 'true' } });

  const at = (step: number): string => (steps === 0 ? '0' : String(step / steps));
  const place = (step: number): string => `left: calc(${THUMB_PX / 2}px + (100% - ${THUMB_PX}px) * ${at(step)})`;
  const strip = h(
    'div',
    { class: 'mark-strip', attrs: { 'aria-hidden': 'true' } },
    options.forkStep === null ? null : h('span', { class: 'fork-span', attrs: { style: `left: 0; width: calc(${THUMB_PX / 2}px + (100% - ${THUMB_PX}px) * ${at(options.forkStep)})` } }),
    ...marks.map((mark) => h('span', { class: markClass(mark), text: markGlyph(mark), attrs: { style: place(mark.step), 'data-step': mark.step, title: markTitle(scenario, mark) } })),
  );
  // Pointer users may click a mark; keyboard users have the list below, so the strip stays out of the tab order.
  strip.addEventListener('click', (event) => {
    const target = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-step]') : null;
    const step = Number(target?.dataset.step);
    if (Number.isInteger(step)) options.onChoose(step);
  });

  const button = (text: string, label: string, keys: string | undefined, go: () => number | null): HTMLButtonElement =>
    h('button', {
      class: 'secondary scrub-button',
      text,
      attrs: { type: 'button', 'aria-label': label, 'aria-keyshortcuts': keys },
      on: {
        click: () => {
          const next = go();
          if (next !== null) options.onChoose(next);
        },
      },
    });
  const first = button('|◀', t('timeline.first'), 'Home', () => 0);
  const prev = button('◀', t('timeline.prev'), 'ArrowLeft', () => Math.max(0, current - 1));
  const prevDecision = button(t('timeline.prevDecisionShort'), t('timeline.prevDecision'), undefined, () => options.decisionFrom(current, -1));
  const nextDecision = button(t('timeline.nextDecisionShort'), t('timeline.nextDecision'), undefined, () => options.decisionFrom(current, 1));
  const next = button('▶', t('timeline.next'), 'ArrowRight', () => Math.min(steps, current + 1));
  const last = button('▶|', t('timeline.last'), 'End', () => steps);
  const buttons = h('div', { class: 'scrub-buttons', attrs: { role: 'group', 'aria-label': t('timeline.buttons') } }, first, prev, prevDecision, nextDecision, next, last);

  // Hundreds of entries: the list is built the first time it is opened.
  const list = h('ol', { class: 'mark-list' });
  let listButtons: Map<number, HTMLButtonElement> | null = null;
  const buildList = (): void => {
    listButtons = new Map();
    const items = marks.map((mark) => {
      const b = h('button', {
        class: `link-button ${markClass(mark)}`,
        text: `${t('timeline.stepN', { step: mark.step })} · ${markTitle(scenario, mark)}`,
        attrs: { type: 'button' },
        on: { click: () => options.onChoose(mark.step) },
      });
      listButtons?.set(mark.step, b);
      return h('li', { attrs: { value: mark.step } }, b);
    });
    fill(list, ...items);
    markCurrent();
  };
  const markCurrent = (): void => {
    if (listButtons === null) return;
    for (const [step, b] of listButtons) {
      if (step === current) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    }
  };
  const details = h('details', { class: 'mark-details' }, h('summary', { text: t('timeline.allSteps', { count: marks.length }) }), list);
  details.addEventListener('toggle', () => {
    if (!details.open) return;
    if (listButtons === null) buildList();
    // Open at the entry the replay is on, without scrolling the page.
    const here = listButtons?.get(current);
    if (here !== undefined) list.scrollTop = Math.max(0, here.offsetTop - list.clientHeight / 2);
  });

  const legend = h(
    'ul',
    { class: 'mark-legend', attrs: { 'aria-label': t('timeline.legend') } },
    h('li', {}, h('span', { class: 'mark-key mark-decision label-best', attrs: { 'aria-hidden': 'true' } }), t('timeline.legendDecision')),
    h('li', {}, h('span', { class: 'mark-key mark-turning', text: '★', attrs: { 'aria-hidden': 'true' } }), t('timeline.turning')),
    h('li', {}, h('span', { class: 'mark-key mark-resolves', attrs: { 'aria-hidden': 'true' } }), t('timeline.legendResolves')),
    h('li', {}, h('span', { class: 'mark-key mark-inject', text: '◆', attrs: { 'aria-hidden': 'true' } }), t('timeline.legendInject')),
    options.forkStep === null ? null : h('li', {}, h('span', { class: 'mark-key fork-key', attrs: { 'aria-hidden': 'true' } }), t('timeline.legendOriginal')),
  );

  const el = h(
    'section',
    { class: 'card scrubber', attrs: { 'aria-labelledby': 'scrub-h' } },
    h('h2', { id: 'scrub-h', text: t('timeline.heading') }),
    h('label', { class: 'scrub-label', text: t('timeline.rangeLabel'), attrs: { for: 'scrub-range' } }),
    h('div', { class: 'scrub-track' }, strip, range),
    readout,
    buttons,
    legend,
    h('p', { class: 'hint', text: t('timeline.keysHint') }),
    details,
  );

  function show(step: number, valueText: string): void {
    current = step;
    if (range.value !== String(step)) range.value = String(step);
    range.setAttribute('aria-valuetext', valueText);
    readout.textContent = valueText;
    // aria-disabled rather than disabled: a button pressed to the end keeps the focus.
    const off = (b: HTMLButtonElement, disabled: boolean): void => b.setAttribute('aria-disabled', String(disabled));
    off(first, step <= 0);
    off(prev, step <= 0);
    off(last, step >= steps);
    off(next, step >= steps);
    off(prevDecision, options.decisionFrom(step, -1) === null);
    off(nextDecision, options.decisionFrom(step, 1) === null);
    markCurrent();
  }

  return { el, range, show };
}
