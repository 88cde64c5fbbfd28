import { INDICATORS } from '../../shared/scenario/schema.ts';
import { locale, t } from '../i18n/index.ts';
import { fill, h } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { whatIs } from '../ui/what-is.ts';
import { seatColor, seatName, seatWithRole } from '../ui/names.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** 0–100 bars for each seat, mine first; each bar is a `meter` a screen reader can read. */
export function createIndicators(ctx: TableContext): Panel {
  const { scenario } = ctx;
  const body = h('div', { class: 'indicator-groups' });
  const el = h('section', { class: 'card indicators', attrs: { 'aria-labelledby': 'indicators-h' } }, h('h2', { id: 'indicators-h', text: t('indicators.heading') }), whatIs('objective'), body);

  const ordered = (): string[] => {
    const ids = scenario.seats.map((s) => s.id);
    return ctx.seat === null ? ids : [ctx.seat, ...ids.filter((id) => id !== ctx.seat)];
  };

  function update(frame: TableFrame): void {
    fill(
      body,
      ...ordered().map((seatId) => {
        const seat = frame.state.seats[seatId];
        if (!seat) return null;
        const mine = seatId === ctx.seat;
        // A spectator or a replay has no side: each seat is named with its role.
        const title = ctx.seat === null ? seatWithRole(scenario, seatId) : t(mine ? 'indicators.mine' : 'indicators.other', { seat: seatName(scenario, seatId) });
        const headingId = `ind-${seatId}`;
        return h(
          'div',
          { class: `indicator-group${mine ? ' mine' : ''}`, attrs: { role: 'group', 'aria-labelledby': headingId, style: `--seat:${seatColor(scenario, seatId)}` } },
          h('h3', { id: headingId, text: title }),
          h('p', { class: 'score', text: t('indicators.score', { score: formatNumber(locale(), seat.score, 1) }) }),
          h(
            'ul',
            { class: 'meters' },
            ...INDICATORS.map((name) => {
              const value = seat.indicators[name];
              const shown = formatNumber(locale(), value, 1);
              const label = t(`indicator.${name}`);
              const labelId = `m-${seatId}-${name}`;
              return h(
                'li',
                { class: 'meter-row' },
                h('span', { class: 'meter-label', id: labelId, text: label }),
                h(
                  'span',
                  {
                    class: `meter ${value < 30 ? 'low' : value > 70 ? 'high' : 'mid'}`,
                    attrs: { role: 'meter', 'aria-labelledby': labelId, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': value, 'aria-valuetext': shown },
                  },
                  h('span', { class: 'meter-fill', attrs: { style: `width:${Math.max(0, Math.min(100, value))}%` } }),
                ),
                h('span', { class: 'meter-value', text: shown, attrs: { 'aria-hidden': 'true' } }),
              );
            }),
          ),
        );
      }),
    );
  }

  return { el, update };
}
