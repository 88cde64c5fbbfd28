import type { GameState } from '../../shared/rules/state.ts';
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
import { noticeStrip, noticeText } from '../panels/notice-strip.ts';
import { createPledges } from '../panels/pledges.ts';
import { createProposalBuilder } from '../panels/proposal-builder.ts';
import { createProposals } from '../panels/proposals.ts';
import { createReady } from '../panels/ready.ts';
import { createResolution } from '../panels/resolution.ts';
import { sectionTabs } from '../panels/section-tabs.ts';
import { createStatusArea } from '../panels/status.ts';
import type { Panel, TableContext, TableFrame } from '../panels/table-context.ts';
import { h } from '../ui/element.ts';
import { controlsFor } from '../ui/phase-controls.ts';
import { boardStart, dismissAll, keepOnly, noticesBetween, pageShown, receive, tabOfNotice, tabOpened, titleWithCount, type Notice, type NoticeBoard } from '../ui/table-notices.ts';
import { addNews, enterPhase, selectTab, TABS, tabsShown, tabsStart, type TabId, type TabsState } from '../ui/table-tabs.ts';
import type { Screen } from './screen.ts';

/**
 * The game table: a bar that stays on screen (round, phase, time, connection, language and
 * the latest news), what to do in this phase, and the table's sections as tabs with the
 * phase's own section in front. Builds its panels once the first view arrives, then feeds
 * every change to them.
 */
export function tableScreen(table: Table, scenario: Scenario): Screen {
  const el = h('div', { class: 'table' }, h('p', { class: 'muted loading', attrs: { role: 'status' }, text: t('common.loading') }));
  const disposers: (() => void)[] = [];
  let built: ReturnType<typeof build> | null = null;
  let lastPhase: string | null = null;
  let lastState: GameState | null = null;
  let lastRefusal = table.model().refusal?.seq ?? 0;
  let lastAnnouncement = table.model().announcement?.seq ?? 0;
  let tabs: TabsState = tabsStart();
  let board: NoticeBoard = boardStart();
  const baseTitle = document.title;

  const frameOf = (model: TableModel): TableFrame | null => {
    const view = model.view;
    if (!view) return null;
    return { view, state: view.state, controls: controlsFor(view.state, view.seat), status: model.status, clockOffset: model.clockOffset, refusal: model.refusal };
  };

  const build = (model: TableModel) => {
    const seat = model.view?.seat ?? model.welcome?.seat ?? null;
    const status = createStatusArea(scenario);
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
    const banner = createAnnouncement(table);
    disposers.push(header.dispose, map.dispose, banner.dispose);
    const builder = createProposalBuilder(ctx);
    const proposals = createProposals(ctx, (proposal) => builder.prefill(proposal));
    const pledges = createPledges(ctx);
    const chat = createChat(ctx);
    const decision = createDecision(ctx);
    const sections: Record<TabId, Panel[][]> = {
      briefing: [[createEvents(ctx), createBriefing(ctx)], [createIndicators(ctx)]],
      talks: [[proposals, builder, pledges], [chat]],
      decision: [[decision]],
      results: [[map, createResolution(ctx)]],
      cards: [[createCards(ctx, () => table.model().cards)]],
    };
    const ready = createReady(ctx);
    const hints = createHints(ctx);
    const end = createEnd(ctx, () => table.model().cards);

    // The section each notice is about, and where in it to look.
    const spotOf = (notice: Notice): HTMLElement | null => {
      switch (notice.kind) {
        case 'proposal':
        case 'counter':
        case 'accepted':
        case 'rejected':
          return proposals.el;
        case 'threat':
        case 'promise':
          return pledges.el;
        case 'chat':
          return chat.el;
        case 'announcement':
          return banner.el;
        case 'unsealed':
          return decision.el;
      }
    };
    const strip = noticeStrip(
      scenario,
      (notice, tab) => {
        if (tab !== null) choose(tab);
        board = dismissAll(board);
        strip.render(board);
        spotOf(notice)?.scrollIntoView({ block: 'start' });
      },
      () => {
        board = dismissAll(board);
        strip.render(board);
      },
    );
    const tabRow = sectionTabs(TABS, (tab) => choose(tab));
    for (const tab of TABS) {
      const columns = sections[tab];
      tabRow.panels[tab].classList.toggle('two-columns', columns.length > 1);
      tabRow.panels[tab].append(...columns.map((column) => h('div', { class: 'tab-column' }, ...column.map((p) => p.el))));
    }
    const phaseHeading = h('h2', { id: 'phase-h', class: 'phase-heading', attrs: { tabindex: -1 } });
    const phaseHelp = h('p', { class: 'phase-help' });
    const announce = h('p', { class: 'visually-hidden', attrs: { 'aria-live': 'polite' } });
    header.el.append(strip.el, status.el);
    el.replaceChildren(
      header.el,
      header.intro,
      banner.el,
      h('div', { class: 'phase-now' }, phaseHeading, phaseHelp, ready.el),
      hints.el,
      end.el,
      h('div', { class: 'sections' }, tabRow.list, ...TABS.map((tab) => tabRow.panels[tab])),
      announce,
    );
    // One language switch for the page: while the table is on screen it rides in the bar that stays visible.
    // Its home is the page's top bar, where it goes back when the table leaves (unless another table took it meanwhile).
    const lang = document.getElementById('lang');
    const home = document.querySelector('body > .topbar');
    if (lang && home) {
      header.langSlot.append(lang);
      disposers.push(() => {
        if (header.langSlot.contains(lang)) home.append(lang);
      });
    }
    // WCAG 2.4.11: what takes focus must not hide under the bar, so the page scrolls with the bar's height as padding.
    const root = document.documentElement;
    const barHeight = new ResizeObserver(() => root.style.setProperty('--table-bar-height', `${header.el.offsetHeight}px`));
    barHeight.observe(header.el);
    disposers.push(() => {
      barHeight.disconnect();
      root.style.removeProperty('--table-bar-height');
    });
    const panels: Panel[] = [header, ready, hints, end, ...TABS.flatMap((tab) => sections[tab].flat())];
    return { panels, status, announce, strip: strip, tabRow, phaseHeading, phaseHelp, bar: header.el, seat, forms: [builder, pledges] };
  };

  const drawTabs = (): void => {
    if (!built) return;
    built.tabRow.render(tabs, tabsShown(built.seat, tabs.phase));
  };

  const choose = (tab: TabId): void => {
    tabs = selectTab(tabs, tab);
    board = tabOpened(board, tab);
    built?.strip.render(board);
    drawTabs();
  };

  const showTitle = (): void => {
    const title = titleWithCount(baseTitle, board.whileAway);
    if (document.title !== title) document.title = title;
  };
  const onVisibility = (): void => {
    if (document.hidden) return;
    board = pageShown(board);
    showTitle();
  };
  document.addEventListener('visibilitychange', onVisibility);
  disposers.push(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    document.title = baseTitle;
  });

  const news = (notices: readonly Notice[]): string[] => {
    if (!built || notices.length === 0) return [];
    tabs = addNews(tabs, notices.map(tabOfNotice).filter((tab) => tab !== null));
    board = receive(board, notices, document.hidden);
    built.strip.render(board);
    showTitle();
    // A chat line in the open section is read out by the chat log itself.
    return notices.filter((n) => !(n.kind === 'chat' && tabs.selected === 'talks' && !document.hidden)).map((n) => noticeText(scenario, n));
  };

  /** On a new phase the heading of what to do now takes focus, in view below the bar. */
  const focusPhase = (heading: HTMLElement, bar: HTMLElement): void => {
    heading.focus({ preventScroll: true });
    const top = heading.getBoundingClientRect().top;
    const below = bar.getBoundingClientRect().height + 8;
    if (top < below || top > window.innerHeight - 40) window.scrollBy({ top: top - below });
  };

  const render = (model: TableModel, change: string | null): void => {
    const frame = frameOf(model);
    if (!frame) return;
    built ??= build(model);
    const { state } = frame;
    const said: string[] = [];
    if (change === 'announcement' && model.announcement && model.announcement.seq !== lastAnnouncement) {
      lastAnnouncement = model.announcement.seq;
      said.push(...news([{ kind: 'announcement' }]));
    }
    let fresh: readonly Notice[] = [];
    if (state !== lastState) {
      fresh = noticesBetween(lastState, state, built.seat);
      said.push(...news(fresh));
      lastState = state;
    }
    if (state.phase !== lastPhase) {
      const first = lastPhase === null;
      lastPhase = state.phase;
      tabs = enterPhase(tabs, state.phase);
      // A new phase is new work: the last phase's notices were said and keep their badges, the bar makes room
      // (for what this change itself brought, such as a decision the deadline closed).
      board = keepOnly(board, fresh);
      built.strip.render(board);
      built.phaseHeading.textContent = t('table.now', { phase: t(`phase.${state.phase}`) });
      built.phaseHelp.textContent = t(`phase.help.${state.phase}`);
      // Once the game is over the forms have nothing left to do; the end screen takes their place.
      for (const form of built.forms) form.el.hidden = state.phase === 'ended';
      if (!first) {
        said.unshift(`${t('header.phase', { phase: t(`phase.${state.phase}`) })}. ${t(`phase.help.${state.phase}`)}`);
        focusPhase(built.phaseHeading, built.bar);
      }
    }
    drawTabs();
    for (const panel of built.panels) panel.update(frame);
    if (said.length > 0) built.announce.textContent = said.join(' ');
    if (model.refusal && model.refusal.seq !== lastRefusal) {
      lastRefusal = model.refusal.seq;
      built.status.refusal(model.refusal);
    }
  };

  disposers.push(table.subscribe((model, change) => render(model, change)));
  render(table.model(), null);

  return {
    el,
    dispose: () => {
      for (const dispose of disposers) dispose();
    },
  };
}
