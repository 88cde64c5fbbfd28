import type { CreatedFork } from '../../shared/review/schemas.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { inThisLanguage, t } from '../i18n/index.ts';
import { createFork } from '../net/review-api.ts';
import { copyButton } from '../panels/copy-link.ts';
import { fill, h, uid } from '../ui/element.ts';
import { seatWithRole } from '../ui/names.ts';
import { defaultChoice, forkBodyFrom, openSeats, SEAT_CHOICES, type SeatChoice } from './fork-draft.ts';

export type ForkDialogOptions = {
  scenario: Scenario;
  gameId: string;
  occupants: Readonly<Record<string, string>>;
  /** Seats the reader may take: any seat of a finished game or for the instructor, else only their own. */
  choosable: readonly string[];
  defaultName: string;
  bearer: string | undefined;
  /** The fork exists and its seat is the reader's: the page goes and plays it. */
  onJoin(created: CreatedFork, name: string): void;
};

export type ForkDialog = { el: HTMLElement; open(step: number, round: number): void; dispose(): void };

/**
 * "Play a what-if from here": a modal dialog (Esc closes it, showModal keeps focus inside)
 * to choose one's seat, who plays the others and one's name, then start a new game from
 * this step. Seats left to other students get their link before the reader sits down.
 */
export function createForkDialog(options: ForkDialogOptions): ForkDialog {
  const { scenario } = options;
  const titleId = uid('fork-title');
  const dialog = h('dialog', { class: 'fork-dialog card', attrs: { 'aria-labelledby': titleId } });
  const el = h('div', { class: 'fork-host' }, dialog);
  let busy = false;

  const close = (): void => {
    if (dialog.open) dialog.close();
  };
  dialog.addEventListener('close', () => fill(dialog));

  const seatPicker = (me: string, onPick: (seat: string) => void): HTMLElement => {
    const legend = h('legend', { text: t('fork.yourSeat') });
    const name = uid('fork-seat');
    const radios = options.choosable.map((seat) => {
      const id = uid('fork-seat');
      const input = h('input', { id, attrs: { type: 'radio', name, value: seat, checked: seat === me }, on: { change: () => onPick(seat) } });
      return h('div', { class: 'choice' }, input, h('label', { text: seatWithRole(scenario, seat), attrs: { for: id } }));
    });
    return h('fieldset', { class: 'fork-seat' }, legend, ...radios);
  };

  const playerSelect = (seat: string, value: SeatChoice, onChange: (choice: string) => void): HTMLElement => {
    const id = uid('fork-player');
    const select = h(
      'select',
      { id, on: { change: () => onChange(select.value) } },
      ...SEAT_CHOICES.map((choice) =>
        h('option', { text: choice === 'open' ? t('fork.openSeat') : t('bot.player', { policy: t(`bot.${choice}`) }), attrs: { value: choice, selected: choice === value } }),
      ),
    );
    return h('div', { class: 'field' }, h('label', { text: t('fork.whoPlays', { seat: seatWithRole(scenario, seat) }), attrs: { for: id } }), select);
  };

  const shareView = (created: CreatedFork, name: string, open: readonly string[]): void => {
    const link = inThisLanguage(new URL(created.joinUrl, window.location.origin).href);
    const play = h('button', { class: 'primary', text: t('fork.playNow'), attrs: { type: 'button' }, on: { click: () => options.onJoin(created, name) } });
    fill(
      dialog,
      h('h2', { id: titleId, text: t('fork.readyHeading') }),
      h('p', { text: t('fork.shareIntro', { seats: open.map((s) => seatWithRole(scenario, s)).join(', ') }) }),
      copyButton(t('fork.shareLabel'), link),
      h('div', { class: 'dialog-actions' }, play),
    );
    play.focus();
  };

  function open(step: number, round: number): void {
    if (dialog.open) return;
    let me = options.choosable[0] ?? '';
    const others: Record<string, string> = {};
    for (const seat of scenario.seats) others[seat.id] = defaultChoice(scenario, options.occupants, seat.id);

    const players = h('div', { class: 'fork-players' });
    const drawPlayers = (): void =>
      fill(
        players,
        ...scenario.seats
          .filter((seat) => seat.id !== me)
          .map((seat) => playerSelect(seat.id, (others[seat.id] ?? 'restraint') as SeatChoice, (choice) => (others[seat.id] = choice))),
      );
    drawPlayers();

    const nameId = uid('fork-name');
    const nameError = h('p', { class: 'field-error', id: `${nameId}-error`, attrs: { 'aria-live': 'polite' } });
    const nameInput = h('input', {
      id: nameId,
      attrs: { type: 'text', value: options.defaultName, maxlength: 40, autocomplete: 'nickname', 'aria-describedby': `${nameId}-hint ${nameId}-error` },
    });
    const nameField = h(
      'div',
      { class: 'field' },
      h('label', { text: t('fork.name'), attrs: { for: nameId } }),
      nameInput,
      h('p', { class: 'hint', id: `${nameId}-hint`, text: t('fork.nameHint') }),
      nameError,
    );
    const alert = h('p', { class: 'form-status', attrs: { role: 'alert' } });
    const submit = h('button', { class: 'primary', text: t('fork.start'), attrs: { type: 'submit' } });
    const cancel = h('button', { class: 'secondary', text: t('fork.cancel'), attrs: { type: 'button' }, on: { click: close } });

    const form = h(
      'form',
      { attrs: { novalidate: true } },
      h('p', { class: 'hint', text: t('fork.intro', { round }) }),
      options.choosable.length > 1 ? seatPicker(me, (seat) => ((me = seat), drawPlayers())) : h('p', { text: t('fork.yourSeatIs', { seat: seatWithRole(scenario, me) }) }),
      players,
      nameField,
      alert,
      h('div', { class: 'dialog-actions' }, cancel, submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      alert.textContent = '';
      const built = forkBodyFrom(scenario, { step, me, others, name: nameInput.value });
      nameInput.setAttribute('aria-invalid', String(!built.ok && built.field === 'name'));
      nameError.textContent = !built.ok && built.field === 'name' ? t(built.problem) : '';
      if (!built.ok) {
        if (built.field === 'name') nameInput.focus();
        else alert.textContent = t(built.problem);
        return;
      }
      busy = true;
      submit.disabled = true;
      submit.textContent = t('fork.starting');
      createFork(options.gameId, built.body, options.bearer)
        .then((created) => {
          const leftOpen = openSeats(built.body);
          if (leftOpen.length === 0) options.onJoin(created, built.body.name);
          else shareView(created, built.body.name, leftOpen);
        })
        .catch((error: unknown) => {
          alert.textContent = t('fork.failed', { message: error instanceof Error ? error.message : String(error) });
        })
        .finally(() => {
          busy = false;
          submit.disabled = false;
          submit.textContent = t('fork.start');
        });
    });

    fill(dialog, h('h2', { id: titleId, text: t('fork.heading', { step }) }), form);
    dialog.showModal();
    nameInput.focus();
  }

  return {
    el,
    open,
    dispose: close,
  };
}
