import { t } from '../i18n/index.ts';
import { h } from '../ui/element.ts';
import { tabByKey, type TabId, type TabsState } from '../ui/table-tabs.ts';

export type SectionTabs = {
  /** The tab row (`role="tablist"`). */
  list: HTMLElement;
  /** One `role="tabpanel"` per section, in tab order. */
  panels: Record<TabId, HTMLElement>;
  /** Draws the state: which tab is selected, which are shown, and each badge. */
  render(state: TabsState, shown: readonly TabId[]): void;
};

/**
 * The table's sections as an ARIA tab row: one tab stop, arrow keys (and Home, End) move
 * between tabs and open them. It holds no state of its own: `choose` reports the intent and
 * the screen renders the state back.
 */
export function sectionTabs(order: readonly TabId[], choose: (tab: TabId, byKey: boolean) => void): SectionTabs {
  const tabs = {} as Record<TabId, HTMLButtonElement>;
  const badges = {} as Record<TabId, HTMLElement>;
  const panels = {} as Record<TabId, HTMLElement>;
  let shown: readonly TabId[] = order;
  let selected: TabId = order[0] ?? 'briefing';
  for (const id of order) {
    badges[id] = h('span', { class: 'tab-badge' });
    tabs[id] = h(
      'button',
      {
        id: `tab-${id}`,
        class: 'section-tab',
        attrs: { type: 'button', role: 'tab', 'aria-controls': `panel-${id}`, 'aria-selected': 'false', tabindex: -1 },
        on: { click: () => choose(id, false) },
      },
      h('span', { class: 'tab-label', text: t(`tabs.${id}`) }),
      badges[id],
    );
    panels[id] = h('section', { id: `panel-${id}`, class: `tab-panel tab-panel-${id}`, attrs: { role: 'tabpanel', 'aria-labelledby': `tab-${id}`, tabindex: 0 } });
  }
  const list = h('div', { class: 'section-tabs', attrs: { role: 'tablist', 'aria-label': t('table.sections') } }, ...order.map((id) => tabs[id]));
  list.addEventListener('keydown', (event) => {
    const next = tabByKey(shown, selected, event.key);
    if (next === null) return;
    event.preventDefault();
    choose(next, true);
    tabs[next].focus();
  });

  function render(state: TabsState, visible: readonly TabId[]): void {
    shown = visible;
    selected = state.selected;
    for (const id of order) {
      const on = id === state.selected;
      const tab = tabs[id];
      tab.hidden = !visible.includes(id);
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels[id].hidden = !on;
      const count = state.unseen[id];
      const text = count > 0 ? t('tabs.new', { count }) : '';
      if (badges[id].textContent !== text) badges[id].textContent = text;
      badges[id].hidden = count === 0;
    }
  }

  return { list, panels, render };
}
