import { JoinOptions } from '../../shared/protocol.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { local, locale, t, type MessageKey } from '../i18n/index.ts';
import { fetchGameAndScenario, joinErrorMessage, joinTable, type Table } from '../net/connection.ts';
import type { GameSummary } from '../../shared/protocol.ts';
import { forgetSeat, heldSeat } from '../net/seat-store.ts';
import { fill, h, uid } from '../ui/element.ts';
import type { Screen } from './screen.ts';

export type Seated = (table: Table, scenario: Scenario) => void;

/** Inline messages for a name the join schema refuses. */
function nameProblem(name: string): MessageKey | null {
  const parsed = JoinOptions.shape.name.safeParse(name);
  if (parsed.success) return null;
  return parsed.error.issues.some((issue) => issue.code === 'too_big') ? 'join.nameTooLong' : 'join.nameRequired';
}

/**
 * Taking a seat: a returning browser rejoins its seat with the stored token at once;
 * a newcomer picks a name and a free seat.
 */
export function joinScreen(gameId: string, onSeated: Seated): Screen {
  const el = h('div', { class: 'join' });
  const status = h('p', { class: 'muted', attrs: { role: 'status' }, text: t('common.loading') });
  el.append(h('section', { class: 'card join-card narrow' }, h('h1', { text: t('join.heading') }), status));
  let disposed = false;

  const seat = async (scenario: Scenario, options: JoinOptions): Promise<void> => {
    const table = await joinTable(gameId, options);
    if (disposed) {
      await table.leave();
      return;
    }
    onSeated(table, scenario);
  };

  const showForm = (lobby: GameSummary, scenario: Scenario, problem?: string): void => {
    const name = h('input', { attrs: { type: 'text', name: 'name', autocomplete: 'nickname', maxlength: 60, required: true } });
    name.id = uid('name');
    const nameHint = h('p', { class: 'hint', id: `${name.id}-hint`, text: t('join.nameHint') });
    const nameError = h('p', { class: 'field-error', id: `${name.id}-error` });
    name.setAttribute('aria-describedby', nameHint.id);
    const seatError = h('p', { class: 'field-error', id: uid('seat-error') });
    const radioName = uid('seat');
    const free = lobby.seats.filter((s) => !s.taken);
    const seats = h(
      'fieldset',
      { class: 'seat-choice', attrs: { 'aria-describedby': seatError.id } },
      h('legend', { text: t('join.seat') }),
      ...lobby.seats.map((s) => {
        const role = scenario.seats.find((x) => x.id === s.id)?.role;
        const label = `${local(s.name)}${role ? ` (${t(role === 'destination' ? 'role.destination' : 'role.transit')})` : ''}`;
        const input = h('input', { attrs: { type: 'radio', name: radioName, value: s.id, disabled: s.taken, checked: free.length === 1 && !s.taken } });
        return h('label', { class: `seat-option${s.taken ? ' taken' : ''}` }, input, h('span', { text: s.taken ? t('join.seatTaken', { seat: label }) : label }));
      }),
      seatError,
    );
    const submit = h('button', { class: 'primary', text: t('join.button'), attrs: { type: 'submit' } });
    const formStatus = h('p', { class: 'form-status', attrs: { role: 'alert' }, text: problem ?? '' });
    const form = h(
      'form',
      { attrs: { novalidate: true } },
      h('div', { class: 'field' }, h('label', { attrs: { for: name.id }, text: t('join.name') }), name, nameHint, nameError),
      free.length === 0 ? h('p', { class: 'warning', text: t('join.noSeats') }) : null,
      seats,
      formStatus,
      h('div', { class: 'actions' }, submit, h('a', { class: 'back-link', text: t('join.back'), attrs: { href: '/' } })),
    );

    const setError = (input: HTMLElement, errorEl: HTMLElement, key: MessageKey | null, describedBy: string): void => {
      errorEl.textContent = key ? t(key) : '';
      if (key) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${describedBy} ${errorEl.id}`);
      } else {
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', describedBy);
      }
    };

    name.addEventListener('input', () => {
      if (name.getAttribute('aria-invalid')) setError(name, nameError, nameProblem(name.value), nameHint.id);
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${radioName}"]:checked`)?.value;
      const nameKey = nameProblem(name.value);
      setError(name, nameError, nameKey, nameHint.id);
      seatError.textContent = chosen ? '' : t('join.seatRequired');
      if (nameKey) return name.focus();
      if (!chosen) return form.querySelector<HTMLInputElement>(`input[name="${radioName}"]:not(:disabled)`)?.focus();
      const options = JoinOptions.safeParse({ name: name.value, seat: chosen, locale: locale() });
      if (!options.success) return setError(name, nameError, 'join.nameRequired', nameHint.id);
      submit.disabled = true;
      formStatus.textContent = '';
      status.textContent = t('join.joining');
      seat(scenario, options.data).catch((error: unknown) => {
        submit.disabled = false;
        status.textContent = '';
        formStatus.textContent = t('join.failed', { message: joinErrorMessage(error) });
      });
    });

    status.textContent = t('join.game', { gameId });
    fill(el, h('section', { class: 'card join-card narrow' }, h('h1', { text: t('join.heading') }), h('p', { class: 'muted', text: local(scenario.title) }), status, form));
    name.focus();
  };

  const notFound = (): void => {
    fill(
      el,
      h(
        'section',
        { class: 'card join-card narrow' },
        h('h1', { text: t('join.heading') }),
        h('p', { class: 'error', attrs: { role: 'alert' }, text: t('join.notFound', { gameId }) }),
        h('p', {}, h('a', { text: t('join.back'), attrs: { href: '/' } })),
      ),
    );
  };

  const start = async (): Promise<void> => {
    const found = await fetchGameAndScenario(gameId);
    if (disposed) return;
    if (found === null) return notFound();
    const { game: lobby, scenario } = found;
    const held = heldSeat(gameId);
    if (held) {
      status.textContent = t('join.rejoining');
      try {
        await seat(scenario, { name: held.name, seat: held.seat, seatToken: held.seatToken, locale: locale() });
        return;
      } catch (error) {
        // The token no longer opens the seat (a reset server): forget it and ask again.
        forgetSeat(gameId);
        return showForm(lobby, scenario, t('join.failed', { message: joinErrorMessage(error) }));
      }
    }
    showForm(lobby, scenario);
  };

  start().catch((error: unknown) => {
    status.textContent = t('common.error', { message: error instanceof Error ? error.message : String(error) });
  });

  return {
    el,
    dispose: () => {
      disposed = true;
    },
  };
}
