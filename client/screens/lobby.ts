import { t } from '../i18n/index.ts';
import { rememberStudent, type StudentIdentity } from '../net/session-store.ts';
import type { StudentModel, StudentSession } from '../net/session.ts';
import { announcementBanner } from '../panels/announcement.ts';
import { createSeatChoice } from '../panels/seat-choice.ts';
import { fill, h } from '../ui/element.ts';
import type { Screen } from './screen.ts';
import { seatWithRole, sentenceWith } from '../ui/names.ts';
import { seatedScreen } from './waiting-room.ts';

/**
 * A student in a class: waiting in the lobby until the instructor starts, then at the
 * table the session gives them. The lobby connection stays open behind the table, so a
 * move to another table or the end of the session reaches the student there too.
 */
export function lobbyScreen(session: StudentSession, identity: StudentIdentity, onForget: (notice?: string) => void): Screen {
  const el = h('div', { class: 'lobby-screen' });
  let table: { gameId: string; seat: string; screen: Screen } | null = null;
  /** The table this student was taken from, while on the way to another. */
  let movedFrom: string | null = null;

  const heading = h('h1');
  const who = h('p', { class: 'lobby-name' });
  const state = h('p', { class: 'lobby-state', attrs: { role: 'status' } });
  const connection = h('p', { class: 'connection', attrs: { role: 'status' } });
  const banner = announcementBanner(false);
  const problem = h('p', { class: 'form-status', attrs: { role: 'alert' } });
  const retry = h('button', { class: 'secondary', text: t('lobby.retry'), attrs: { type: 'button', hidden: true } });
  retry.addEventListener('click', () => session.retry());
  const forget = h('button', { class: 'ghost', attrs: { type: 'button' } }, ...sentenceWith((m) => t('lobby.notMe', m), { name: identity.name }));
  forget.addEventListener('click', () => onForget());
  const choice = createSeatChoice((table, seat) => session.choose(table, seat));
  const lobby = h(
    'section',
    { class: 'card lobby narrow', attrs: { 'aria-labelledby': 'lobby-h' } },
    h('p', { class: 'lobby-code', text: t('lobby.code', { code: identity.code }) }),
    heading,
    who,
    h('div', { class: 'lobby-wait', attrs: { 'aria-hidden': 'true' } }, h('span'), h('span'), h('span')),
    state,
    banner.el,
    choice.el,
    problem,
    connection,
    h('div', { class: 'actions' }, retry, forget),
  );
  heading.id = 'lobby-h';

  const showTable = (model: StudentModel): boolean => {
    const seated = model.seated;
    if (seated === null) {
      // Between two seats (a move to another table): remember there was one.
      if (table !== null) movedFrom = table.gameId;
      table?.screen.dispose();
      table = null;
      return false;
    }
    if (table === null || table.gameId !== seated.gameId || table.seat !== seated.seat) {
      // Moved from a seat this page was showing: the student is told where they are now.
      const moved = table !== null || movedFrom !== null ? t('seat.moved', { seat: seatWithRole(seated.scenario, seated.seat) }) : null;
      table?.screen.dispose();
      movedFrom = null;
      table = { gameId: seated.gameId, seat: seated.seat, screen: seatedScreen(seated.table, seated.scenario, moved) };
      if (identity.gameId !== seated.gameId) rememberStudent({ ...identity, gameId: seated.gameId });
      fill(el, table.screen.el);
    }
    return true;
  };

  const render = (model: StudentModel): void => {
    if (model.refused !== null) return onForget(t('lobby.refused'));
    if (showTable(model)) return;
    if (!lobby.isConnected) fill(el, lobby);
    const student = model.student;
    const phase = student?.phase ?? 'lobby';
    heading.textContent = t(phase === 'ended' ? 'lobby.endedHeading' : model.seating ? 'lobby.seatingHeading' : 'lobby.heading');
    fill(who, ...sentenceWith((m) => t('lobby.you', m), { name: student?.name ?? identity.name }));
    const stateKey = model.seating ? 'lobby.seating' : phase === 'ended' ? 'lobby.ended' : phase === 'running' ? 'lobby.running' : 'lobby.waiting';
    state.textContent = t(stateKey);
    lobby.dataset.phase = phase;
    banner.show(student?.announcement ?? null);
    choice.update(phase === 'ended' || model.seating ? undefined : student?.choices);
    const trouble = model.problem;
    problem.textContent = trouble === null ? '' : t(trouble.about === 'table' ? 'lobby.problem' : 'lobby.chooseFailed', { message: trouble.message });
    retry.hidden = trouble?.about !== 'table';
    connection.textContent = t(`header.connection.${model.status}`);
    connection.dataset.status = model.status;
  };

  const unsubscribe = session.subscribe(render);
  render(session.model());

  return {
    el,
    dispose: () => {
      unsubscribe();
      table?.screen.dispose();
    },
  };
}
