import { SessionControl } from '../../shared/session.ts';
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

/**
 * A control button: checked with the shared schema, sent, and on failure the server's
 * reason shown in `status` (an alert) next to it. Success shows in the next live view.
 */
export function bindControl(button: HTMLButtonElement, status: HTMLElement, make: () => SessionControl | null, ctx: DeskContext, done?: () => void): void {
  button.addEventListener('click', () => {
    const draft = make();
    if (draft === null) return;
    const parsed = SessionControl.safeParse(draft);
    if (!parsed.success) {
      status.textContent = t('desk.invalid');
      return;
    }
    button.disabled = true;
    status.textContent = '';
    ctx
      .control(parsed.data)
      .then(() => done?.())
      .catch((error: unknown) => {
        status.textContent = t('desk.failed', { message: controlProblem(error) });
      })
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

export type Option = { value: string; label: string };

/** Replace a select's options, keeping the chosen one when it is still offered. */
export function setOptions(select: HTMLSelectElement, options: readonly Option[]): void {
  const chosen = select.value;
  const same = select.options.length === options.length && options.every((o, i) => select.options[i]?.value === o.value && select.options[i]?.text === o.label);
  if (same) return;
  select.replaceChildren(...options.map((o) => h('option', { text: o.label, attrs: { value: o.value } })));
  if (options.some((o) => o.value === chosen)) select.value = chosen;
}

/** The scenario's events, as the instructor picks one to inject. */
export function eventOptions(scenario: Scenario): Option[] {
  return scenario.events.map((event) => ({
    value: event.id,
    label: event.round === undefined ? t('desk.eventRandom', { title: local(event.title) }) : t('desk.eventRound', { title: local(event.title), round: event.round }),
  }));
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
