import type { GameState, RoundResult } from '../../shared/rules/state.ts';
import { COST_KINDS } from '../../shared/scenario/schema.ts';
import { local, locale, t } from '../i18n/index.ts';
import { fill, h, scrollable, type Child } from '../ui/element.ts';
import { formatDelta, formatNumber, formatPercent } from '../ui/format.ts';
import { amountWithUnit, describeUse, instrumentName, seatName } from '../ui/names.ts';
import { render } from 'lit-html';
import { flowsModel } from '../ui/flows-model.ts';
import { flowsTemplate } from './flows-table.ts';
import { indicatorChanges } from '../ui/round-summary.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** What the last round did: flows, returns, costs, indicator changes, compliance, threats and promises. */
export function createResolution(ctx: TableContext): Panel {
  const { scenario } = ctx;
  const body = h('div', { class: 'resolution-body' });
  const heading = h('h2', { id: 'resolution-h', text: t('resolution.none') });
  const el = h('section', { class: 'card resolution', attrs: { 'aria-labelledby': 'resolution-h' } }, heading, body);
  let shown = '';

  const num = (n: number, digits = 0): string => formatNumber(locale(), n, digits);

  const table = (caption: string, head: string[], rows: Child[][], className = ''): HTMLElement =>
    scrollable(
      caption,
      h(
      'table',
      { class: `data ${className}` },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, ...head.map((text, i) => h('th', { text, attrs: { scope: 'col', class: i > 0 ? 'num' : undefined } })))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell, i) => (i === 0 ? h('th', { attrs: { scope: 'row' } }, cell) : h('td', { class: 'num' }, cell)))))),
      ),
    );

  // The flows table renders through lit-html from its pure model, into a box of its own that `fill` keeps.
  const flows = h('div', { class: 'flows-box' });
  const flowsTable = (r: RoundResult): HTMLElement => {
    render(flowsTemplate(flowsModel(scenario, locale(), r)), flows);
    return flows;
  };

  const seatBlock = (r: RoundResult, seatId: string, history: readonly RoundResult[]): HTMLElement | null => {
    const outcome = r.seats[seatId];
    if (!outcome) return null;
    const levels = h(
      'ul',
      { class: 'levels-used' },
      ...Object.entries(outcome.levels).map(([id, amount]) => h('li', {}, `${instrumentName(scenario, id)}: `, h('strong', { text: amountWithUnit(scenario, id, amount) }))),
    );
    const changes = indicatorChanges(scenario, history, r.round, seatId);
    return h(
      'div',
      { class: `seat-outcome${seatId === ctx.seat ? ' mine' : ''}` },
      h('h3', { text: seatName(scenario, seatId) }),
      h('h4', { text: t('resolution.levels') }),
      levels,
      table(
        t('resolution.costs'),
        [t('resolution.cost'), t('resolution.amount')],
        COST_KINDS.map((kind) => [t(`cost.${kind}`), num(outcome.costs[kind], 2)]),
      ),
      table(
        t('resolution.indicatorChanges'),
        [t('resolution.indicator'), t('resolution.before'), t('resolution.after'), t('resolution.change')],
        changes.map((c) => [t(`indicator.${c.name}`), num(c.before, 1), num(c.after, 1), h('span', { class: c.delta > 0 ? 'up' : c.delta < 0 ? 'down' : '', text: formatDelta(locale(), c.delta) })]),
      ),
      h('p', { class: 'score', text: t('resolution.score', { score: num(outcome.score, 1) }) }),
    );
  };

  const complianceList = (r: RoundResult): HTMLElement => {
    if (r.compliance.length === 0) return h('p', { class: 'muted', text: t('resolution.noCompliance') });
    return h(
      'ul',
      { class: 'compliance' },
      ...r.compliance.map((c) => {
        const why = c.ratio < 1 ? t(`resolution.limitedBy.${c.limitedBy}`) : '';
        return h(
          'li',
          { class: c.ratio >= 1 ? 'kept' : 'short' },
          t('resolution.complianceLine', {
            seat: seatName(scenario, c.seat),
            instrument: instrumentName(scenario, c.instrument),
            committed: amountWithUnit(scenario, c.instrument, c.committed),
            actual: amountWithUnit(scenario, c.instrument, c.actual),
            percent: formatPercent(locale(), c.ratio),
          }) + (why ? ` — ${why}` : ''),
        );
      }),
    );
  };

  const pledgeList = (r: RoundResult, state: GameState): HTMLElement => {
    const items: HTMLLIElement[] = [];
    for (const due of r.threats) {
      const threat = state.threats.find((x) => x.id === due.id);
      if (!threat) continue;
      items.push(h('li', {}, h('span', { class: `badge badge-${due.status}`, text: t(`threatStatus.${due.status}`) }), ' ', `${seatName(scenario, threat.by)}: ${describeUse(scenario, threat.consequence, true)}`));
    }
    for (const due of r.promises) {
      const promise = state.promises.find((x) => x.id === due.id);
      if (!promise) continue;
      items.push(h('li', {}, h('span', { class: `badge badge-${due.status}`, text: t(`promiseStatus.${due.status}`) }), ' ', `${seatName(scenario, promise.by)}: ${describeUse(scenario, promise.reward)}`));
    }
    return items.length > 0 ? h('ul', { class: 'pledge-list' }, ...items) : h('p', { class: 'muted', text: t('resolution.noPledges') });
  };

  function update(frame: TableFrame): void {
    const { state } = frame;
    const r = state.history.at(-1);
    el.classList.toggle('fresh', state.phase === 'resolution' || state.phase === 'debrief');
    const key = `${state.history.length}:${state.threats.length}:${state.promises.length}`;
    if (key === shown) return;
    shown = key;
    el.hidden = !r;
    if (!r) return;
    heading.textContent = t('resolution.heading', { round: r.round });
    const transits = scenario.seats.filter((s) => s.role === 'transit').map((s) => s.id);
    const eventTitles = r.events.map((id) => scenario.events.find((e) => e.id === id)).filter((e) => e !== undefined).map((e) => local(e.title));
    const seatIds = ctx.seat === null ? Object.keys(r.seats) : [ctx.seat, ...Object.keys(r.seats).filter((id) => id !== ctx.seat)];
    fill(
      body,
      eventTitles.length > 0 ? h('p', { class: 'muted', text: t('resolution.events', { events: eventTitles.join(', ') }) }) : null,
      flowsTable(r),
      h(
        'ul',
        { class: 'facts' },
        ...transits.map((seat) => h('li', { text: t('resolution.returned', { seat: seatName(scenario, seat), count: num(r.returnedTo[seat] ?? 0) }) })),
        h('li', { text: t('resolution.stranded', { count: num(r.stranded) }) }),
        h('li', { text: t('resolution.salience', { value: num(r.salience, 1) }) }),
      ),
      h('div', { class: 'seat-outcomes' }, ...seatIds.map((id) => seatBlock(r, id, state.history))),
      h('h3', { text: t('resolution.compliance') }),
      complianceList(r),
      h('h3', { text: t('resolution.pledges') }),
      pledgeList(r, state),
    );
  }

  return { el, update };
}
