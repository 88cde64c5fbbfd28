import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { local, locale, t, type MessageKey } from '../i18n/index.ts';
import { h, scrollable } from './element.ts';
import { formatNumber } from './format.ts';

/**
 * A game's arrivals round by round beside what really happened: the end screen and the
 * debrief both set the table's path against the scenario's history.
 */
export function historyTable(scenario: Scenario, state: GameState, options: { className: string; hereHeading: MessageKey }): HTMLDivElement {
  const loc = locale();
  const col = (text: string, num = false): HTMLTableCellElement => h('th', { class: num ? 'num' : '', text, attrs: { scope: 'col' } });
  const table = h(
    'table',
    { class: `data ${options.className}` },
    h('caption', { text: t('end.history') }),
    h('thead', {}, h('tr', {}, col(t('end.round')), col(t(options.hereHeading), true), col(t('end.realArrivals'), true), col(t('end.what')))),
    h(
      'tbody',
      {},
      ...scenario.rounds.map((round, i) => {
        const n = i + 1;
        const played = state.history.find((r) => r.round === n);
        const real = scenario.history.find((step) => step.round === n);
        return h(
          'tr',
          {},
          h('th', { text: `${n} · ${local(round.label)}`, attrs: { scope: 'row' } }),
          h('td', { class: 'num', text: played ? formatNumber(loc, played.arrivals) : t('end.unknown') }),
          h('td', { class: 'num', text: real?.arrivals !== undefined ? formatNumber(loc, real.arrivals) : t('end.unknown') }),
          h('td', { text: real ? local(real.text) : t('end.unknown') }),
        );
      }),
    ),
  );
  return scrollable(t('end.history'), table);
}
