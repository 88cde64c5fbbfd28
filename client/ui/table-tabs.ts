import type { Phase } from '../../shared/rules/state.ts';

/**
 * The table's sections, one tap apart. Each phase brings its own section to the front;
 * a section with news the student has not looked at yet carries a count.
 */
export const TABS = ['briefing', 'talks', 'decision', 'results', 'cards'] as const;
export type TabId = (typeof TABS)[number];

/** The section each phase is about: read, talk, decide, see what changed, learn from it. */
export const FRONT_TAB: Record<Phase, TabId> = {
  briefing: 'briefing',
  negotiation: 'talks',
  decision: 'decision',
  resolution: 'results',
  debrief: 'cards',
  ended: 'cards',
};

export type TabsState = {
  phase: Phase | null;
  selected: TabId;
  /** News per section since the student last had it open. */
  unseen: Readonly<Record<TabId, number>>;
};

const NONE: Record<TabId, number> = { briefing: 0, talks: 0, decision: 0, results: 0, cards: 0 };

export function tabsStart(): TabsState {
  return { phase: null, selected: 'briefing', unseen: NONE };
}

/** A spectator has no decision to make; once the game is over, nobody has. */
export function tabsShown(seat: string | null, phase: Phase | null): TabId[] {
  return TABS.filter((tab) => tab !== 'decision' || (seat !== null && phase !== 'ended'));
}

export function selectTab(state: TabsState, tab: TabId): TabsState {
  return { ...state, selected: tab, unseen: { ...state.unseen, [tab]: 0 } };
}

/** A new phase opens its own section; the same phase again changes nothing. */
export function enterPhase(state: TabsState, phase: Phase): TabsState {
  if (state.phase === phase) return state;
  return selectTab({ ...state, phase }, FRONT_TAB[phase]);
}

/** News for these sections: counted where the student is not looking. */
export function addNews(state: TabsState, tabs: readonly TabId[]): TabsState {
  const unseen = { ...state.unseen };
  for (const tab of tabs) if (tab !== state.selected) unseen[tab] += 1;
  return { ...state, unseen };
}

/** Arrow keys move along the tab row and wrap; Home and End jump to its ends. */
export function tabByKey(shown: readonly TabId[], current: TabId, key: string): TabId | null {
  const at = shown.indexOf(current);
  if (at === -1 || shown.length === 0) return null;
  switch (key) {
    case 'ArrowRight':
      return shown[(at + 1) % shown.length] ?? null;
    case 'ArrowLeft':
      return shown[(at - 1 + shown.length) % shown.length] ?? null;
    case 'Home':
      return shown[0] ?? null;
    case 'End':
      return shown.at(-1) ?? null;
    default:
      return null;
  }
}
