import type { ProjectorBoard } from '../../shared/projector.ts';
import { isMessageKey, local, onLocaleChange, t } from '../i18n/index.ts';
import { fetchBoard } from '../net/class-board.ts';
import { fetchScenario } from '../net/connection.ts';
import { joinPoster } from '../panels/join-poster.ts';
import { codeProblem } from '../ui/address.ts';
import { fill, h } from '../ui/element.ts';
import type { Screen } from './screen.ts';

/** How often the projector asks for the class's progress: a glance from the back of the room, not a live feed. */
const POLL_MS = 4000;

/**
 * The screen the room sees: how to join (address, code, QR), how many have joined, and
 * once the class runs each table's round and phase, all in large type. It holds no
 * secret and shows no name: it is opened by join code alone and asks only for what
 * anyone with the code may know.
 */
export function projectorScreen(code: string): Screen {
  const el = h('div', { class: 'projector' });
  document.body.classList.add('projecting');
  const problem = codeProblem(code);
  if (problem !== null) {
    fill(el, h('section', { class: 'card narrow' }, h('h1', { text: t('projector.heading') }), h('p', { class: 'error', attrs: { role: 'alert' }, text: t(`projector.badCode.${problem}`) })));
    return { el, dispose: () => document.body.classList.remove('projecting') };
  }

  const title = h('h1', { class: 'projector-title', text: t('projector.heading') });
  const count = h('p', { class: 'projector-count', attrs: { role: 'status', 'aria-live': 'polite' } });
  const state = h('p', { class: 'projector-phase' });
  const tables = h('ol', { class: 'projector-tables', attrs: { 'aria-label': t('projector.tables') } });
  const problemLine = h('p', { class: 'error', attrs: { role: 'alert' } });
  const poster = joinPoster(code, 'projector');
  fill(el, title, h('div', { class: 'projector-grid' }, poster, h('div', { class: 'projector-side' }, state, count)), tables, problemLine);

  let scenarioId: string | null = null;
  let last: ProjectorBoard | null = null;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = (board: ProjectorBoard): void => {
    last = board;
    count.textContent = t('projector.joined', { count: board.students, connected: board.connected });
    state.textContent = t(`projector.phase.${board.phase}`);
    state.dataset.phase = board.phase;
    // Once the class has started, the tables matter more than the way in.
    poster.hidden = board.phase === 'ended';
    tables.replaceChildren(
      ...board.tables.map((table) =>
        h(
          'li',
          { class: 'projector-table', attrs: { 'data-phase': table.phase } },
          h('span', { class: 'projector-table-name', text: t('projector.table', { table: table.table }) }),
          h('span', { class: 'projector-table-round', text: table.round > 0 ? t('projector.round', { round: table.round }) : '' }),
          h('span', { class: 'projector-table-phase', text: phaseName(table.phase) + (table.paused ? ` · ${t('projector.paused')}` : '') }),
        ),
      ),
    );
    if (scenarioId !== board.scenarioId) {
      scenarioId = board.scenarioId;
      fetchScenario(board.scenarioId)
        .then((scenario) => {
          if (!disposed) title.textContent = local(scenario.title);
        })
        .catch(() => undefined);
    }
  };

  const poll = (): void => {
    fetchBoard(code)
      .then((board) => {
        if (disposed) return;
        problemLine.textContent = '';
        if (board === null) {
          // The class ended (its code is free again) or never ran.
          count.textContent = '';
          tables.replaceChildren();
          poster.hidden = true;
          state.textContent = last === null ? t('projector.unknown', { code }) : t('projector.phase.ended');
          state.dataset.phase = 'ended';
          return;
        }
        render(board);
      })
      .catch((error: unknown) => {
        if (!disposed) problemLine.textContent = t('projector.failed', { message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        if (!disposed && state.dataset.phase !== 'ended') timer = setTimeout(poll, POLL_MS);
      });
  };
  poll();
  const unsubscribe = onLocaleChange(() => {
    if (last !== null) render(last);
  });

  return {
    el,
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
      unsubscribe();
      document.body.classList.remove('projecting');
    },
  };
}

function phaseName(phase: string): string {
  const key = `phase.${phase}`;
  return isMessageKey(key) ? t(key) : phase;
}
