import { BotPolicyId } from '../../shared/framework.ts';
import { CreatePracticeBody, PracticeBot } from '../../shared/practice.ts';
import type { ScenarioSummary } from '../../shared/protocol.ts';
import { local, t } from '../i18n/index.ts';
import { createPractice } from '../net/practice-api.ts';
import { fill, h, uid } from '../ui/element.ts';
import '../styles/practice.css';

/** A bot drawn at random first (the default), then every policy by name. */
const CHOICES: readonly PracticeBot[] = ['random', ...BotPolicyId.options];

/** A choice's name in the list. */
function botLabel(bot: PracticeBot): string {
  return bot === 'random' ? t('practice.random') : t(`bot.${bot}`);
}

/**
 * Setting up a practice game: the student's name and seat, who plays each other seat (a
 * bot of a chosen policy, or one drawn at random), and whether the phase timers run (off
 * by default: the student plays at their own pace). `go` opens the game once it is made.
 */
export function createPracticeSetup(scenario: ScenarioSummary, go: (gameId: string) => void): HTMLElement {
  const headingId = uid('practice-h');
  const name = h('input', { attrs: { type: 'text', name: 'name', autocomplete: 'nickname', maxlength: 40, required: true } });
  name.id = uid('practice-name');
  const nameError = h('p', { class: 'field-error', id: `${name.id}-error` });
  const seatName = uid('practice-seat');
  const seats = h(
    'fieldset',
    { class: 'seat-choice' },
    h('legend', { text: t('practice.seat') }),
    ...scenario.seats.map((seat, i) =>
      h(
        'label',
        { class: 'seat-option' },
        h('input', { attrs: { type: 'radio', name: seatName, value: seat.id, checked: i === 0 } }),
        h('span', { text: `${local(seat.name)} (${t(seat.role === 'destination' ? 'role.destination' : 'role.transit')})` }),
      ),
    ),
  );
  const bots = h('div', { class: 'practice-bots' });
  const chosen = new Map<string, PracticeBot>();
  const mySeat = (): string => seats.querySelector<HTMLInputElement>(`input[name="${seatName}"]:checked`)?.value ?? scenario.seats[0]?.id ?? '';

  /** One select per other seat, each with a line saying what the chosen bot does. */
  const renderBots = (): void => {
    fill(
      bots,
      ...scenario.seats
        .filter((seat) => seat.id !== mySeat())
        .map((seat) => {
          const select = h('select', { attrs: { name: `bot-${seat.id}` } }, ...CHOICES.map((bot) => h('option', { text: botLabel(bot), attrs: { value: bot } })));
          select.id = uid('practice-bot');
          select.value = chosen.get(seat.id) ?? 'random';
          const does = h('p', { class: 'hint', id: `${select.id}-hint` });
          select.setAttribute('aria-describedby', does.id);
          const describe = (): void => {
            const parsed = PracticeBot.safeParse(select.value);
            const bot = parsed.success ? parsed.data : 'random';
            chosen.set(seat.id, bot);
            does.textContent = bot === 'random' ? '' : t(`botDoes.${bot}`);
          };
          select.addEventListener('change', describe);
          describe();
          return h('div', { class: 'field' }, h('label', { text: t('practice.botFor', { seat: local(seat.name) }), attrs: { for: select.id } }), select, does);
        }),
    );
  };
  seats.addEventListener('change', renderBots);
  renderBots();

  const timed = h('input', { attrs: { type: 'checkbox', name: 'timed' } });
  timed.id = uid('practice-timed');
  const status = h('p', { class: 'form-status', attrs: { role: 'status' } });
  const submit = h('button', { class: 'primary', text: t('practice.start'), attrs: { type: 'submit' } });
  const form = h(
    'form',
    { class: 'practice-setup', attrs: { novalidate: true, 'aria-labelledby': headingId } },
    h('h4', { id: headingId, text: t('practice.heading') }),
    h('p', { class: 'hint', text: t('practice.intro') }),
    h('div', { class: 'field' }, h('label', { text: t('practice.name'), attrs: { for: name.id } }), name, nameError),
    seats,
    bots,
    h('div', { class: 'field check' }, h('label', { attrs: { for: timed.id } }, timed, ` ${t('practice.timed')}`), h('p', { class: 'hint', text: t('practice.timedHint') })),
    h('div', { class: 'actions' }, submit),
    status,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const seat = mySeat();
    const body = CreatePracticeBody.safeParse({
      scenarioId: scenario.id,
      seat,
      name: name.value,
      timed: timed.checked,
      bots: Object.fromEntries(scenario.seats.filter((s) => s.id !== seat).map((s) => [s.id, chosen.get(s.id) ?? 'random'])),
    });
    if (!body.success) {
      nameError.textContent = t('practice.nameRequired');
      name.setAttribute('aria-invalid', 'true');
      name.setAttribute('aria-describedby', nameError.id);
      name.focus();
      return;
    }
    nameError.textContent = '';
    name.removeAttribute('aria-invalid');
    submit.disabled = true;
    status.textContent = t('practice.starting');
    createPractice(body.data)
      .then((created) => go(created.gameId))
      .catch((error: unknown) => {
        submit.disabled = false;
        status.textContent = t('practice.failed', { message: error instanceof Error ? error.message : String(error) });
      });
  });
  return form;
}
