import { local, locale, t } from '../i18n/index.ts';
import type { RouteMap } from '../scenes/route-map.ts';
import { buildMapModel } from '../scenes/map-model.ts';
import { streamsOf } from '../scenes/flow-widths.ts';
import { h } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { whenShown } from '../ui/when-shown.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

const STREAM_WORD = {
  setOut: 'map.setOut',
  interdicted: 'map.interdicted',
  diverted: 'map.diverted',
  arrived: 'map.arrived',
  returned: 'map.returned',
} as const;

/**
 * The card that holds the Phaser map. The canvas is decoration for sighted players: its
 * text alternative carries the same numbers, and the round summary has them all.
 */
export function createMap(ctx: TableContext): Panel & { dispose(): void } {
  const { scenario } = ctx;
  const stage = h('div', { class: 'map-stage', attrs: { role: 'img', 'aria-label': t('map.altNone') } });
  const legend = h(
    'ul',
    { class: 'map-legend', attrs: { 'aria-hidden': 'true' } },
    ...(['setOut', 'diverted', 'interdicted', 'arrived', 'returned'] as const).map((s) => h('li', { class: `legend-${s}`, text: t(STREAM_WORD[s]) })),
  );
  // The canvas scales to the card's width (Phaser's FIT), so every seat stays in view on a phone.
  const el = h('section', { class: 'card map-card', attrs: { 'aria-labelledby': 'map-h' } }, h('h2', { id: 'map-h', text: t('map.heading') }), stage, legend);

  let map: RouteMap | null = null;
  let disposed = false;
  let shownRounds = -1;
  let pending: TableFrame | null = null;
  /** A round resolved before the map first started: its trip plays once the map is on screen. */
  let owed = false;

  // Phaser is the largest file the page uses: it is fetched once the map is on screen, not before.
  const stopWaiting = whenShown(el, () => {
    import('../scenes/route-map.ts')
      .then(({ startRouteMap }) => {
        if (disposed) return;
        map = startRouteMap(stage);
        if (pending) draw(pending, owed);
      })
      .catch((error: unknown) => {
        console.error('map could not start', error);
        stage.append(h('p', { class: 'muted', text: t('map.unavailable') }));
      });
  });

  const draw = (frame: TableFrame, animate: boolean): void => {
    if (!map) {
      owed ||= animate;
      return;
    }
    const loc = locale();
    const model = buildMapModel(scenario, frame.state.history, {
      name: (seat) => local(scenario.seats.find((s) => s.id === seat)?.name ?? { en: seat, es: seat }),
      origin: (flowId) => local(scenario.flows.find((f) => f.id === flowId)?.origin ?? { en: flowId, es: flowId }),
      caption: (stream, value) => (frame.state.history.length === 0 ? t(STREAM_WORD[stream]) : `${formatNumber(loc, value)} ${t(STREAM_WORD[stream])}`),
    });
    map.show(model, animate);
  };

  function update(frame: TableFrame): void {
    pending = frame;
    const rounds = frame.state.history.length;
    if (rounds === shownRounds) return;
    const calm = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const animate = shownRounds !== -1 && rounds > shownRounds && !calm;
    shownRounds = rounds;
    const n = streamsOf(frame.state.history.at(-1) ?? null);
    const loc = locale();
    stage.setAttribute(
      'aria-label',
      rounds === 0
        ? t('map.altNone')
        : t('map.alt', {
            setOut: formatNumber(loc, n.setOut),
            interdicted: formatNumber(loc, n.interdicted),
            diverted: formatNumber(loc, n.diverted),
            arrived: formatNumber(loc, n.arrived),
            returned: formatNumber(loc, n.returned),
          }),
    );
    draw(frame, animate);
  }

  return {
    el,
    update,
    dispose: () => {
      disposed = true;
      stopWaiting();
      map?.destroy();
    },
  };
}
