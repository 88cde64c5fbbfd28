import type { Phase } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { t } from '../i18n/index.ts';
import type { Table, TableModel } from '../net/connection.ts';
import { createAnnouncement } from '../panels/announcement.ts';
import { createBriefing } from '../panels/briefing.ts';
import { createCards } from '../panels/cards.ts';
import { createChat } from '../panels/chat.ts';
import { createDecision } from '../panels/decision.ts';
import { createEnd } from '../panels/end.ts';
import { createEvents } from '../panels/events.ts';
import { createHeader } from '../panels/header.ts';
import { createHints } from '../panels/hints.ts';
import { createIndicators } from '../panels/indicators.ts';
import { createMap } from '../panels/map.ts';
import { createPledges } from '../panels/pledges.ts';
import { createProposalBuilder } from '../panels/proposal-builder.ts';
import { createProposals } from '../panels/proposals.ts';
import { createReady } from '../panels/ready.ts';
import { createResolution } from '../panels/resolution.ts';
import { createStatusArea } from '../panels/status.ts';
import type { Panel, TableContext, TableFrame } from '../panels/table-context.ts';
import { h } from '../ui/element.ts';
import { controlsFor } from '../ui/phase-controls.ts';
import type { Screen } from './screen.ts';

type MainPanel = 'map' | 'events' | 'resolution' | 'decision' | 'proposals' | 'builder' | 'pledges' | 'cards';

/** The panels the current phase is about come first, right under the map; the debrief is about the framework cards. */
const ORDER: Record<Phase, readonly MainPanel[]> = {
  briefing: ['map', 'events', 'resolution', 'proposals', 'builder', 'pledges', 'decision', 'cards'],
  negotiation: ['map', 'proposals', 'builder', 'pledges', 'cards', 'events', 'decision', 'resolution'],
  decision: ['map', 'decision', 'proposals', 'cards', 'events', 'builder', 'pledges', 'resolution'],
  resolution: ['map', 'resolution', 'cards', 'events', 'proposals', 'decision', 'builder', 'pledges'],
  debrief: ['map', 'cards', 'resolution', 'events', 'proposals', 'decision', 'builder', 'pledges'],
  ended: ['cards', 'map', 'resolution', 'events', 'proposals', 'decision', 'builder', 'pledges'],
};

/** The game table: builds its panels once the first view arrives, then feeds every change to them. */
export function tableScreen(table: Table, scenario: Scenario): Screen {
  const el = h('div', { class: 'table' }, h('p', { class: 'muted loading', attrs: { role: 'status' }, text: t('common.loading') }));
  const disposers: (() => void)[] = [];
  let built: { panels: Panel[]; status: ReturnType<typeof createStatusArea>; announce: HTMLElement; main: HTMLElement; mains: Record<MainPanel, Panel> } | null = null;
  let lastPhase: string | null = null;
  let lastRefusal = table.model().refusal?.seq ?? 0;

  const frameOf = (model: TableModel): TableFrame | null => {
    const view = model.view;
    if (!view) return null;
    return { view, state: view.state, controls: controlsFor(view.state, view.seat), status: model.status, clockOffset: model.clockOffset };
  };

  const build = (model: TableModel): NonNullable<typeof built> => {
    const seat = model.view?.seat ?? model.welcome?.seat ?? null;
    const status = createStatusArea();
    const welcome = model.welcome;
    // The public scenario has no briefings: this seat's own arrived with the welcome.
    const briefed = welcome ? { ...scenario, seats: scenario.seats.map((s) => (s.id === welcome.seat ? { ...s, briefing: welcome.briefing } : s)) } : scenario;
    const ctx: TableContext = {
      scenario: briefed,
      seat,
      send: (move) => {
        // A new intent replaces the last complaint; a refusal of this one shows again.
        status.clear();
        table.send(move);
      },
      version: () => table.model().view?.state.version ?? 0,
      notify: (problem) => status.problem(problem),
    };
    const header = createHeader(ctx);
    const map = createMap(ctx);
    const notice = createAnnouncement(table);
    disposers.push(header.dispose, map.dispose, notice.dispose);
    const builder = createProposalBuilder(ctx);
    const mains: Record<MainPanel, Panel> = {
      map,
      events: createEvents(ctx),
      resolution: createResolution(ctx),
      decision: createDecision(ctx),
      proposals: createProposals(ctx, (proposal) => builder.prefill(proposal)),
      builder,
      pledges: createPledges(ctx),
      cards: createCards(ctx, () => table.model().cards),
    };
    const ready = createReady(ctx);
    const side = [createHints(ctx), createIndicators(ctx), createBriefing(ctx), createChat(ctx)];
    const end = createEnd(ctx, () => table.model().cards);
    const announce = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
    const main = h('div', { class: 'col-main' }, ...Object.values(mains).map((p) => p.el));
    el.replaceChildren(
      header.el,
      notice.el,
      status.el,
      announce,
      ready.el,
      end.el,
      h('div', { class: 'table-grid' }, main, h('aside', { class: 'col-side', attrs: { 'aria-label': t('indicators.heading') } }, ...side.map((p) => p.el))),
    );
    return { panels: [header, ready, end, ...Object.values(mains), ...side], status, announce, main, mains };
  };

  const render = (model: TableModel): void => {
    const frame = frameOf(model);
    if (!frame) return;
    built ??= build(model);
    const { state, view } = frame;
    if (state.phase !== lastPhase) {
      const first = lastPhase === null;
      lastPhase = state.phase;
      built.main.append(...ORDER[state.phase].map((key) => built?.mains[key].el).filter((x) => x !== undefined));
      // Once the game is over the forms have nothing left to do; the end screen takes their place.
      for (const key of ['builder', 'pledges', 'decision'] as const) built.mains[key].el.hidden = state.phase === 'ended' || (key === 'decision' && view.seat === null);
      if (!first) built.announce.textContent = `${t('header.phase', { phase: t(`phase.${state.phase}`) })}. ${t(`phase.help.${state.phase}`)}`;
    }
    for (const panel of built.panels) panel.update(frame);
    if (model.refusal && model.refusal.seq !== lastRefusal) {
      lastRefusal = model.refusal.seq;
      built.status.refusal(model.refusal);
    }
  };

  disposers.push(table.subscribe((model) => render(model)));
  render(table.model());

  return {
    el,
    dispose: () => {
      for (const dispose of disposers) dispose();
    },
  };
}
