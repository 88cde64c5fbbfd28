import type { TableChoice } from '../../shared/session.ts';
import { local, t } from '../i18n/index.ts';
import { listScenarios } from '../net/connection.ts';
import { fill, h, uid } from '../ui/element.ts';

/** Seat ids to names, from whichever scenario on this server has all of them. */
type SeatNames = (seat: string) => string;

let namesOnServer: Promise<{ ids: string[]; names: Map<string, { en: string; es: string }> }[]> | null = null;

/**
 * The lobby is told seat ids, not the scenario: their names come from the scenario list,
 * the first scenario that has every seat offered. A seat without a name shows its id.
 */
async function seatNamesFor(seats: readonly string[]): Promise<SeatNames> {
  namesOnServer ??= listScenarios()
    .then((list) => list.map((s) => ({ ids: s.seats.map((x) => x.id), names: new Map(s.seats.map((x) => [x.id, x.name])) })))
    .catch(() => []);
  const match = (await namesOnServer).find((s) => seats.every((seat) => s.ids.includes(seat)));
  return (seat) => {
    const name = match?.names.get(seat);
    return name ? local(name) : seat;
  };
}

/** Re-inserting a node blurs it: children are replaced only when they really changed. */
function inOrder(parent: HTMLElement, nodes: readonly HTMLElement[]): void {
  if (parent.children.length === nodes.length && nodes.every((node, i) => parent.children[i] === node)) return;
  parent.replaceChildren(...nodes);
}

/** In a class where students pick: every table's seats, each a button, free ones first to hand. */
export function createSeatChoice(choose: (table: string, seat: string) => void): { el: HTMLElement; update(choices: readonly TableChoice[] | undefined): void } {
  const headingId = uid('choose-h');
  const list = h('div', { class: 'choice-tables' });
  const el = h(
    'section',
    { class: 'seat-choice-panel', attrs: { 'aria-labelledby': headingId, hidden: true } },
    h('h2', { id: headingId, text: t('lobby.choose') }),
    h('p', { class: 'hint', text: t('lobby.chooseHint') }),
    list,
  );
  let names: SeatNames = (seat) => seat;
  let last: readonly TableChoice[] = [];
  // Kept per table and seat, so a live update never takes the focus from the button a student is on.
  const tables = new Map<string, { set: HTMLFieldSetElement; legend: HTMLLegendElement; seats: Map<string, HTMLButtonElement> }>();

  const seatButton = (table: string, seat: string): HTMLButtonElement => {
    const button = h('button', { class: 'choice', attrs: { type: 'button' } });
    button.addEventListener('click', () => choose(table, seat));
    return button;
  };

  const render = (choices: readonly TableChoice[]): void => {
    last = choices;
    const sets: HTMLFieldSetElement[] = [];
    for (const choice of choices) {
      let entry = tables.get(choice.table);
      if (entry === undefined) {
        const legend = h('legend');
        entry = { set: h('fieldset', { class: 'choice-table' }, legend), legend, seats: new Map() };
        tables.set(choice.table, entry);
      }
      const table = t('board.table', { table: choice.table });
      entry.legend.textContent = table;
      const buttons = choice.seats.map((seat) => {
        let button = entry.seats.get(seat.seat);
        if (button === undefined) {
          button = seatButton(choice.table, seat.seat);
          entry.seats.set(seat.seat, button);
        }
        const state = seat.students > 0 ? t('lobby.seatTaken', { count: seat.students }) : seat.bot ? t('lobby.seatBot') : t('lobby.seatFree');
        fill(button, h('span', { class: 'choice-seat', text: names(seat.seat) }), h('span', { class: 'choice-state', text: state }));
        button.setAttribute('aria-label', `${t('lobby.chooseSeat', { table, seat: names(seat.seat) })} (${state})`);
        button.disabled = !seat.open;
        button.classList.toggle('open', seat.open);
        return button;
      });
      inOrder(entry.set, [entry.legend, ...buttons]);
      sets.push(entry.set);
    }
    inOrder(list, sets);
  };

  return {
    el,
    update(choices) {
      el.hidden = choices === undefined || choices.length === 0;
      if (choices === undefined) return;
      render(choices);
      void seatNamesFor([...new Set(choices.flatMap((c) => c.seats.map((s) => s.seat)))]).then((found) => {
        names = found;
        render(last);
      });
    },
  };
}
