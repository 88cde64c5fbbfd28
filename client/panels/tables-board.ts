import type { RosterEntry, SessionView } from '../../shared/session.ts';
import { t } from '../i18n/index.ts';
import { h, uid } from '../ui/element.ts';
import type { DeskContext } from './desk-context.ts';
import { setHidden, setText } from '../ui/quiet-dom.ts';
import { tableCard, type Card } from './table-card.ts';
import '../styles/compare.css';


/**
 * Every table of the class, live: where each game stands, how each seat is doing, its
 * latest decisions and what needs the instructor, with the controls for that one table.
 * Cards are kept per table so a live update never drops what the instructor was choosing
 * in a select, and each card rewrites only the parts whose data changed.
 */
export function createTablesBoard(ctx: DeskContext, replayHref: (gameId: string) => string): { el: HTMLElement; update(view: SessionView): void; tick(): void } {
  const list = h('div', { class: 'board-list' });
  const empty = h('p', { class: 'muted', text: t('board.empty') });
  const onlyAttention = h('input', { attrs: { type: 'checkbox' } });
  onlyAttention.id = uid('attention');
  const attention = h('p', { class: 'board-attention', attrs: { role: 'status' } });
  const calm = h('p', { class: 'muted', text: t('dash.attentionNone'), attrs: { hidden: true } });
  const filter = h(
    'div',
    { class: 'board-filter', attrs: { hidden: true } },
    h('span', { class: 'check' }, onlyAttention, h('label', { attrs: { for: onlyAttention.id }, text: t('dash.attentionOnly') })),
    attention,
  );
  const el = h('section', { class: 'tables-board', attrs: { 'aria-labelledby': 'board-h' } }, h('h2', { id: 'board-h', text: t('board.heading') }), filter, empty, calm, list);
  const cards = new Map<string, Card>();

  // Which cards show follows their alerts, which move with the clock as well as with the view.
  const applyFilter = (): void => {
    let needing = 0;
    for (const card of cards.values()) {
      const needs = card.alerts() > 0;
      if (needs) needing += 1;
      setHidden(card.el, onlyAttention.checked && !needs);
    }
    setText(attention, cards.size === 0 ? '' : t('dash.attentionCount', { count: needing, total: cards.size }));
    setHidden(calm, !(onlyAttention.checked && cards.size > 0 && needing === 0));
  };
  onlyAttention.addEventListener('change', applyFilter);

  return {
    el,
    update(view) {
      const names = new Map(view.roster.map((entry) => [entry.studentId, entry.name]));
      const byTable = new Map<string, RosterEntry[]>();
      for (const entry of view.roster) {
        if (entry.table === null) continue;
        const here = byTable.get(entry.table);
        if (here === undefined) byTable.set(entry.table, [entry]);
        else here.push(entry);
      }
      const seen = new Set<string>();
      for (const summary of view.tables) {
        seen.add(summary.table);
        let card = cards.get(summary.table);
        if (card === undefined) {
          card = tableCard(ctx, summary.table, replayHref);
          cards.set(summary.table, card);
        }
        card.update(summary, names, byTable.get(summary.table) ?? []);
      }
      for (const [table, card] of cards) {
        if (!seen.has(table)) {
          card.el.remove();
          cards.delete(table);
        }
      }
      // Order follows the server's; append moves existing cards without rebuilding them.
      const ordered = view.tables.flatMap((summary) => cards.get(summary.table)?.el ?? []);
      if (ordered.some((node, i) => list.children[i] !== node)) list.append(...ordered);
      setHidden(empty, view.tables.length > 0);
      setText(empty, t(view.phase === 'lobby' ? 'board.empty' : 'board.none'));
      setHidden(filter, view.tables.length === 0);
      applyFilter();
    },
    tick() {
      const now = Date.now();
      for (const card of cards.values()) card.tick(now);
      applyFilter();
    },
  };
}

