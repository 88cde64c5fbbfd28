import { SessionControl, type TableSummary } from '../../shared/session.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { local, t } from '../i18n/index.ts';
import { ControlRefused } from '../net/session.ts';
import { h } from '../ui/element.ts';

/** What every panel of the instructor's page is given once. */
export type DeskContext = {
  scenario: Scenario;
  /** Send one control; rejects with the server's reason. */
  control(control: SessionControl): Promise<void>;
  /** Where "Watch" opens a table (a new tab, read-only). */
  watchHref(gameId: string): string;
};

/** The errors a status line shows, one per control that caused it, in the order they came. */
const errorsIn = new WeakMap<HTMLElement, { errors: Map<HTMLButtonElement, string>; situation: string | null }>();

function errorsOf(status: HTMLElement): { errors: Map<HTMLButtonElement, string>; situation: string | null } {
  let entry = errorsIn.get(status);
  if (entry === undefined) {
    entry = { errors: new Map(), situation: null };
    errorsIn.set(status, entry);
  }
  return entry;
}

function showErrors(status: HTMLElement): void {
  status.textContent = [...errorsOf(status).errors.values()].join(' · ');
}

/** The name a control is known by: its accessible label, else its text. */
function controlName(button: HTMLButtonElement): string {
  return button.getAttribute('aria-label') ?? button.textContent ?? '';
}

/**
 * What the controls sharing `status` act on, as a key (a table's round, phase and pause; the
 * class's phase): when it changes, the errors it described are gone, and so are they.
 */
export function situationIs(status: HTMLElement, situation: string): void {
  const entry = errorsOf(status);
  if (entry.situation !== null && entry.situation !== situation && entry.errors.size > 0) {
    entry.errors.clear();
    showErrors(status);
  }
  entry.situation = situation;
}

/**
 * A control button: checked with the shared schema, sent, and on failure the server's
 * reason shown in `status` (an alert) beside it, named for the control. The error stays
 * until that control next succeeds or the situation changes (situationIs); another
 * control's success leaves it. Success shows in the next live view.
 */
export function bindControl(button: HTMLButtonElement, status: HTMLElement, make: () => SessionControl | null, ctx: DeskContext, done?: () => void): void {
  const { errors } = errorsOf(status);
  const fail = (message: string): void => {
    errors.delete(button);
    errors.set(button, `${controlName(button)}: ${message}`);
    showErrors(status);
  };
  button.addEventListener('click', () => {
    const draft = make();
    if (draft === null) return;
    const parsed = SessionControl.safeParse(draft);
    if (!parsed.success) return fail(t('desk.invalid'));
    button.disabled = true;
    ctx
      .control(parsed.data)
      .then(() => {
        if (errors.delete(button)) showErrors(status);
        done?.();
      })
      .catch((error: unknown) => fail(t('desk.failed', { message: controlProblem(error) })))
      .finally(() => {
        button.disabled = false;
      });
  });
}

/** The server's reason, per table when only some tables refused. */
function controlProblem(error: unknown): string {
  if (error instanceof ControlRefused) return error.tables.map((x) => `${t('board.table', { table: x.table })}: ${x.message}`).join(' · ');
  return error instanceof Error ? error.message : String(error);
}

export type Option = { value: string; label: string; disabled?: boolean };

/** Replace a select's options, keeping the chosen one when it is still offered. */
export function setOptions(select: HTMLSelectElement, options: readonly Option[]): void {
  const chosen = select.value;
  const same =
    select.options.length === options.length &&
    options.every((o, i) => select.options[i]?.value === o.value && select.options[i]?.text === o.label && select.options[i]?.disabled === (o.disabled ?? false));
  if (same) return;
  select.replaceChildren(...options.map((o) => h('option', { text: o.label, attrs: { value: o.value, disabled: o.disabled ?? false } })));
  const offered = options.filter((o) => !o.disabled);
  select.value = offered.some((o) => o.value === chosen) ? chosen : (offered[0]?.value ?? '');
}

/**
 * The scenario's events, as the instructor picks one to inject. One already in play (in
 * every table's `events` this round, as the server reports them) is listed but not
 * offered, saying so: the rules would refuse it.
 */
export function eventOptions(scenario: Scenario, tables: readonly Pick<TableSummary, 'events'>[] = []): Option[] {
  return scenario.events.map((event) => {
    const label = event.round === undefined ? t('desk.eventRandom', { title: local(event.title) }) : t('desk.eventRound', { title: local(event.title), round: event.round });
    const inPlay = tables.length > 0 && tables.every((table) => table.events.includes(event.id));
    return { value: event.id, label: inPlay ? t('desk.eventInPlay', { event: label }) : label, disabled: inPlay };
  });
}

/** A destructive control asks once more, in place, before it is sent. */
export function confirming(button: HTMLButtonElement, question: string, yes: string): { el: HTMLElement; confirm: HTMLButtonElement } {
  const confirm = h('button', { class: 'danger', text: yes, attrs: { type: 'button' } });
  const cancel = h('button', { class: 'ghost', text: t('desk.cancel'), attrs: { type: 'button' } });
  const ask = h('span', { class: 'confirm', attrs: { hidden: true, role: 'group', 'aria-label': question } }, h('span', { class: 'confirm-q', text: question }), confirm, cancel);
  const close = (): void => {
    ask.hidden = true;
    button.hidden = false;
  };
  button.addEventListener('click', () => {
    ask.hidden = false;
    button.hidden = true;
    cancel.focus();
  });
  cancel.addEventListener('click', () => {
    close();
    button.focus();
  });
  confirm.addEventListener('click', () => queueMicrotask(close));
  return { el: h('span', { class: 'confirmable' }, button, ask), confirm };
}
