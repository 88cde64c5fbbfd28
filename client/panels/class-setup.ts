import type { ScenarioSummary } from '../../shared/protocol.ts';
import { phaseSeconds } from '../../shared/rules/index.ts';
import type { CreatedSession } from '../../shared/session.ts';
import { local, t } from '../i18n/index.ts';
import { fetchScenario } from '../net/connection.ts';
import { createSession } from '../net/session.ts';
import { rememberSecret } from '../net/session-store.ts';
import { addressOf, secretFromHash } from '../ui/address.ts';
import {
  ASSIGNMENTS,
  BOT_POLICIES,
  CARD_RELEASES,
  classBodyFrom,
  countRange,
  SPLITS,
  TIMER_PHASES,
  type ClassDraft,
  type DraftField,
  type DraftProblems,
  type Split,
} from '../ui/class-form.ts';
import { field, fill, h, uid } from '../ui/element.ts';
import { formatTimerLength } from '../ui/timer-length.ts';
import { joinPoster } from './join-poster.ts';

/**
 * "Run a class" for one scenario: the session's options, checked with the shared schema
 * before anything is sent, then the join code shown big enough for a projector.
 */
export function createClassSetup(scenario: ScenarioSummary): HTMLElement {
  const headingId = uid('class-h');
  const el = h('section', { class: 'class-setup', attrs: { 'aria-labelledby': headingId } });
  const errors = new Map<DraftField, { input: HTMLElement; error: HTMLElement; describedBy: string }>();

  const errorFor = (name: DraftField, input: HTMLElement, describedBy = ''): HTMLElement => {
    const error = h('p', { class: 'field-error', id: uid(`${name}-err`) });
    errors.set(name, { input, error, describedBy });
    return error;
  };

  // How the class is split into tables.
  const splitName = uid('split');
  const count = h('input', { class: 'count', attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: '2', size: 5 } });
  count.id = uid('count');
  const countLabel = h('label', { attrs: { for: count.id } });
  const countHint = h('p', { class: 'hint', id: `${count.id}-hint` });
  count.setAttribute('aria-describedby', countHint.id);
  const countError = errorFor('count', count, countHint.id);
  const countField = h('div', { class: 'field count-field' }, countLabel, count, countHint, countError);
  const splitRadios = SPLITS.map((split) =>
    h('input', { attrs: { type: 'radio', name: splitName, value: split, checked: split === 'tables' } }),
  );
  const splitOf = (): Split => (splitRadios.find((r) => r.checked)?.value as Split | undefined) ?? 'seats';
  const showSplit = (): void => {
    const split = splitOf();
    countField.hidden = split === 'seats';
    if (split === 'seats') return;
    countLabel.textContent = t(split === 'tables' ? 'class.tablesLabel' : 'class.perTableLabel');
    countHint.textContent = t('class.countHint', countRange(split));
  };
  for (const radio of splitRadios) radio.addEventListener('change', showSplit);
  const splitSet = h(
    'fieldset',
    { class: 'split' },
    h('legend', { text: t('class.split') }),
    h('div', { class: 'inline-radios' }, ...SPLITS.map((split, i) => h('label', { class: 'radio' }, splitRadios[i], h('span', { text: t(`class.split.${split}`) })))),
    countField,
  );

  const select = <V extends string>(values: readonly V[], label: (value: V) => string, chosen: V): HTMLSelectElement =>
    h('select', {}, ...values.map((value) => h('option', { text: label(value), attrs: { value, selected: value === chosen } })));

  const assignment = select(ASSIGNMENTS, (a) => t(`class.assignment.${a}`), 'auto');
  const assignmentField = field(t('class.assignment'), assignment, t('class.assignmentHint'));
  assignmentField.append(errorFor('assignment', assignment, `${assignment.id}-hint`));

  // Phase lengths as m:ss, filled in with the scenario's own once it loads; a field never touched keeps that length.
  const timerInputs = TIMER_PHASES.map((phase) => {
    const input = h('input', { class: 'minutes', attrs: { type: 'text', inputmode: 'numeric', autocomplete: 'off', size: 6, spellcheck: 'false' } });
    input.id = uid(`timer-${phase}`);
    input.addEventListener('input', () => (input.dataset.edited = 'true'), { once: true });
    const error = errorFor(phase, input);
    return { phase, input, row: h('div', { class: 'field timer-field' }, h('label', { attrs: { for: input.id }, text: t(`phase.${phase}`) }), input, error) };
  });
  const timersHint = h('p', { class: 'hint', id: uid('timers-hint'), text: t('class.timersHint') });
  const timerSet = h(
    'fieldset',
    { class: 'timers', attrs: { 'aria-describedby': timersHint.id } },
    h('legend', { text: t('class.timers') }),
    timersHint,
    h('div', { class: 'timer-grid' }, ...timerInputs.map((x) => x.row)),
  );
  fetchScenario(scenario.id)
    .then((full) => {
      for (const { phase, input } of timerInputs) {
        const own = formatTimerLength(phaseSeconds(full, phase));
        input.placeholder = own;
        if (input.dataset.edited === undefined) input.value = own;
      }
    })
    .catch(() => undefined);

  const cards = select(CARD_RELEASES, (c) => t(`class.cards.${c}`), 'immediate');
  const cardsField = field(t('class.cards'), cards, t('class.cardsHint'));
  cardsField.append(errorFor('cards', cards, `${cards.id}-hint`));

  const bots = h('input', { attrs: { type: 'checkbox', checked: true } });
  bots.id = uid('bots');
  const policy = select(BOT_POLICIES, (p) => t(`bot.${p}`), 'dealmaker');
  const policyField = field(t('class.botPolicy'), policy, t('class.botPolicyHint'));
  policyField.append(errorFor('policy', policy, `${policy.id}-hint`));
  bots.addEventListener('change', () => {
    policy.disabled = !bots.checked;
  });
  const botSet = h(
    'fieldset',
    { class: 'bots' },
    h('legend', { text: t('class.bots') }),
    h('div', { class: 'check' }, bots, h('label', { attrs: { for: bots.id }, text: t('class.botsOn') })),
    policyField,
  );

  const formStatus = h('p', { class: 'form-status', attrs: { role: 'alert' } });
  errors.set('form', { input: formStatus, error: formStatus, describedBy: '' });
  const submit = h('button', { class: 'primary', text: t('class.create'), attrs: { type: 'submit' } });
  const form = h('form', { class: 'class-form', attrs: { novalidate: true } }, splitSet, assignmentField, timerSet, cardsField, botSet, formStatus, h('div', { class: 'actions' }, submit));

  const showProblems = (problems: DraftProblems): void => {
    let first: HTMLElement | null = null;
    for (const [name, { input, error, describedBy }] of errors) {
      const problem = problems[name];
      error.textContent = problem ? t(problem.key, problem.params) : '';
      if (input === error) continue;
      if (problem) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `${describedBy} ${error.id}`.trim());
        first ??= input;
      } else {
        input.removeAttribute('aria-invalid');
        if (describedBy) input.setAttribute('aria-describedby', describedBy);
        else input.removeAttribute('aria-describedby');
      }
    }
    first?.focus();
  };

  const draft = (): ClassDraft => ({
    scenarioId: scenario.id,
    split: splitOf(),
    count: count.value,
    assignment: assignment.value,
    timers: Object.fromEntries(timerInputs.filter(({ input }) => input.dataset.edited !== undefined || input.value !== '').map(({ phase, input }) => [phase, input.value])),
    cards: cards.value,
    bots: bots.checked,
    policy: policy.value,
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const built = classBodyFrom(draft());
    if (!built.ok) return showProblems(built.problems);
    showProblems({});
    submit.disabled = true;
    formStatus.textContent = '';
    const busy = h('p', { class: 'hint', attrs: { role: 'status' }, text: t('class.creating') });
    form.append(busy);
    createSession(built.body)
      .then((created) => showCreated(el, created, local(scenario.title)))
      .catch((error: unknown) => {
        formStatus.textContent = t('class.failed', { message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        submit.disabled = false;
        busy.remove();
      });
  });

  fill(el, h('h4', { id: headingId, text: t('class.heading') }), h('p', { class: 'hint', text: t('class.intro') }), form);
  showSplit();
  return el;
}

/** The join code, big, with the address and QR code for the projector; the student link; the way to the instructor's page. */
function showCreated(el: HTMLElement, created: CreatedSession, title: string): void {
  const secret = secretFromHash(new URL(created.instructorUrl, window.location.origin).hash);
  if (secret !== null) rememberSecret(created.sessionId, secret);
  const headingId = uid('created-h');
  const open = h('a', { class: 'button-link', text: t('class.openInstructor'), attrs: { href: created.instructorUrl } });
  const projector = h('a', { class: 'button-link secondary-link', text: t('poster.projector'), attrs: { href: addressOf({ kind: 'projector', code: created.code }), target: '_blank', rel: 'noopener' } });
  fill(
    el,
    h(
      'div',
      { class: 'class-created', attrs: { role: 'region', 'aria-labelledby': headingId } },
      h('h4', { id: headingId, text: t('class.ready', { title }) }),
      joinPoster(created.code, 'card'),
      h('div', { class: 'actions' }, open, projector),
      h('p', { class: 'hint', text: t('class.secretHint') }),
    ),
  );
  open.focus();
}
