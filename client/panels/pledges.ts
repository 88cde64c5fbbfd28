import { findInstrument, instrumentsOf } from '../../shared/rules/instruments.ts';
import type { PromiseMade, Threat } from '../../shared/rules/state.ts';
import { local, locale, t } from '../i18n/index.ts';
import { agreementName } from '../ui/deal-names.ts';
import { browserStorage, draftStore, fieldValue, storedAmount, type DraftStore } from '../net/draft-store.ts';
import { field, fill, h, setDisabled, uid } from '../ui/element.ts';
import { agreementsInForce } from '../../shared/rules/agreements.ts';
import { checkMove, type MoveWarning } from '../../shared/rules/check-move.ts';
import type { GameState } from '../../shared/rules/state.ts';
import { inlineError, refusalsFor } from '../ui/inline-error.ts';
import { buildPledge, type Built, type Problem } from '../ui/move-drafts.ts';
import { refusalProblem } from '../ui/refusal-text.ts';
import { describeUse, seatName } from '../ui/names.ts';
import { flagWarnings } from '../ui/flag-warnings.ts';
import { otherSeats } from '../ui/phase-controls.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** Conditional commitments: "unless you do X by round R, I do Y" and "if you do X, I do Y". */
export function createPledges(ctx: TableContext): Panel {
  const { scenario } = ctx;
  const kindName = uid('kind');
  const radio = (value: 'threat' | 'promise', label: string, checked: boolean): HTMLLabelElement =>
    h('label', { class: 'radio' }, h('input', { attrs: { type: 'radio', name: kindName, value, checked } }), label);
  const kindSet = h('fieldset', { class: 'inline-radios' }, h('legend', { text: t('pledge.kind') }), radio('threat', t('pledge.threat'), true), radio('promise', t('pledge.promise'), false));

  const target = h('select', { attrs: { name: 'target' } });
  const askInstrument = h('select', { attrs: { name: 'ask' } });
  const askAmount = h('input', { attrs: { type: 'number', name: 'ask-amount', inputmode: 'decimal' } });
  const answerInstrument = h('select', { attrs: { name: 'answer' } });
  const answerAmount = h('input', { attrs: { type: 'number', name: 'answer-amount', inputmode: 'decimal' } });
  const due = h('input', { attrs: { type: 'number', name: 'due', min: 1, max: scenario.rounds.length, step: 1, value: 1, inputmode: 'numeric' } });
  const askField = field(t('pledge.demand'), askInstrument);
  const askAmountField = field(t('pledge.demandAmount'), askAmount);
  const answerField = field(t('pledge.consequence'), answerInstrument);
  const answerAmountField = field(t('pledge.consequenceAmount'), answerAmount);
  const send = h('button', { class: 'primary', text: t('pledge.send'), attrs: { type: 'submit' } });
  const askError = inlineError(askAmount);
  const answerError = inlineError(answerAmount);
  const dueError = inlineError(due);
  const sendError = inlineError(send);
  // What the rules warn of before a threat is sent (it would break the sender's own agreement, or asks nothing new),
  // and what the framework's card would flag (little credibility behind it, a tariff that hurts the sender more, a promise beyond its means).
  const warning = h('p', { class: 'warning pledge-warning', id: uid('warn') });
  send.setAttribute('aria-describedby', `${send.getAttribute('aria-describedby') ?? ''} ${warning.id}`.trim());
  const refused = refusalsFor(['threaten', 'promise']);

  const fieldset = h(
    'fieldset',
    { class: 'plain' },
    kindSet,
    field(t('pledge.target'), target),
    h('div', { class: 'pair' }, askField, h('div', {}, askAmountField, askError.el)),
    h('div', { class: 'pair' }, answerField, h('div', {}, answerAmountField, answerError.el)),
    field(t('pledge.dueRound'), due),
    dueError.el,
    warning,
    h('div', { class: 'actions' }, send),
    sendError.el,
  );
  const headingId = uid('pl');
  const form = h('form', { attrs: { novalidate: true, 'aria-labelledby': headingId } }, fieldset);
  const list = h('ul', { class: 'pledge-list' });
  const el = h('section', { class: 'card pledges' }, h('h2', { id: headingId, text: t('pledge.heading') }), form, list);

  const kind = (): 'threat' | 'promise' => (form.querySelector<HTMLInputElement>(`input[name="${kindName}"]:checked`)?.value === 'promise' ? 'promise' : 'threat');

  const setLabel = (wrapper: HTMLElement, text: string): void => {
    const label = wrapper.querySelector('label');
    if (label) label.textContent = text;
  };

  const fitAmount = (select: HTMLSelectElement, input: HTMLInputElement): void => {
    const inst = findInstrument(scenario, select.value);
    if (!inst) return;
    input.min = String(inst.param.min);
    input.max = String(inst.param.max);
    input.step = String(inst.param.step);
    const value = input.valueAsNumber;
    if (!Number.isFinite(value) || value < inst.param.min || value > inst.param.max) input.value = String(inst.param.min);
  };

  const fillInstruments = (select: HTMLSelectElement, seatId: string): void => {
    const current = select.value;
    fill(select, ...instrumentsOf(scenario, seatId).map((inst) => h('option', { text: `${local(inst.label)} (${local(inst.param.unit)})`, attrs: { value: inst.id } })));
    if ([...select.options].some((o) => o.value === current)) select.value = current;
  };

  const relabel = (): void => {
    const threat = kind() === 'threat';
    setLabel(askField, t(threat ? 'pledge.demand' : 'pledge.condition'));
    setLabel(answerField, t(threat ? 'pledge.consequence' : 'pledge.reward'));
  };

  kindSet.addEventListener('change', relabel);
  target.addEventListener('change', () => {
    fillInstruments(askInstrument, target.value);
    fitAmount(askInstrument, askAmount);
  });
  askInstrument.addEventListener('change', () => fitAmount(askInstrument, askAmount));
  answerInstrument.addEventListener('change', () => fitAmount(answerInstrument, answerAmount));
  if (ctx.seat !== null) fillInstruments(answerInstrument, ctx.seat);
  fitAmount(answerInstrument, answerAmount);

  const clearErrors = (): void => {
    for (const e of [askError, answerError, dueError, sendError]) e.clear();
  };
  /** Beside the amount or round at fault, or beside the button. */
  const showProblem = (problem: Problem): void => {
    clearErrors();
    const at = problem.field === 'ask' ? askError : problem.field === 'answer' ? answerError : problem.field === 'due' ? dueError : sendError;
    at.show(t(problem.key, problem.params));
  };
  /** A refusal naming an instrument is the ask's or the answer's, whichever uses it. */
  const problemOf = (refusal: Parameters<typeof refusalProblem>[2]): Problem => {
    const problem = refusalProblem(scenario, locale(), refusal);
    const instrument = refusal.params?.instrument;
    if (refusal.code === 'due/invalid') return { ...problem, field: 'due' };
    if (instrument === askInstrument.value) return { ...problem, field: 'ask' };
    if (instrument === answerInstrument.value) return { ...problem, field: 'answer' };
    return problem;
  };
  const built = (): Built =>
    buildPledge(
      scenario,
      locale(),
      {
        kind: kind(),
        target: target.value,
        ask: { instrument: askInstrument.value, amount: askAmount.valueAsNumber },
        answer: { instrument: answerInstrument.value, amount: answerAmount.valueAsNumber },
        dueRound: due.valueAsNumber,
      },
      ctx.version(),
    );

  let state: GameState | null = null;
  const warningText = (w: MoveWarning): string => {
    if (w.kind === 'asks-nothing-new') return t('pledge.asksNothingNew');
    const from = state ? agreementsInForce(state, due.valueAsNumber, ctx.seat ?? undefined).find((a) => a.commitments.some((c) => c.seat === w.commitment.seat && c.instrument === w.commitment.instrument)) : undefined;
    return t('pledge.contradicts', { agreement: state && from ? agreementName(scenario, locale(), state, from.id) : '', use: describeUse(scenario, w.commitment) });
  };
  /** The rules' warnings on the threat as it stands, live as it is typed. */
  const warn = (): void => {
    const move = built();
    const check = move.ok && state && ctx.seat !== null ? checkMove(scenario, state, ctx.seat, move.move) : null;
    const flagged = check?.ok && move.ok && state && ctx.seat !== null ? flagWarnings(scenario, state, ctx.seat, move.move, locale()) : [];
    warning.textContent = check?.ok ? [...check.warnings.map(warningText), ...flagged].join(' ') : '';
  };
  form.addEventListener('input', () => {
    clearErrors();
    warn();
  });
  form.addEventListener('change', warn);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const move = built();
    if (!move.ok) {
      showProblem(move.problem);
      return ctx.notify(move.problem);
    }
    // The rules' own dry run: what they would refuse is said here, before anything is sent.
    const check = state && ctx.seat !== null ? checkMove(scenario, state, ctx.seat, move.move) : null;
    if (check && !check.ok) {
      const problem = problemOf(check.rejection);
      showProblem(problem);
      return ctx.notify(problem);
    }
    clearErrors();
    ctx.notify(null);
    ctx.send(move.move);
  });

  const threatItem = (x: Threat): HTMLLIElement =>
    h(
      'li',
      { class: 'pledge threat' },
      h('span', { class: `badge badge-${x.status}`, text: t(`threatStatus.${x.status}`) }),
      ' ',
      t('pledge.threatText', {
        by: seatName(scenario, x.by),
        target: seatName(scenario, x.target),
        demand: describeUse(scenario, x.demand),
        due: x.dueRound,
        consequence: describeUse(scenario, x.consequence, true),
      }),
    );

  const promiseItem = (x: PromiseMade): HTMLLIElement =>
    h(
      'li',
      { class: 'pledge promise' },
      h('span', { class: `badge badge-${x.status}`, text: t(`promiseStatus.${x.status}`) }),
      ' ',
      t('pledge.promiseText', {
        by: seatName(scenario, x.by),
        target: seatName(scenario, x.target),
        condition: describeUse(scenario, x.condition),
        due: x.dueRound,
        reward: describeUse(scenario, x.reward),
      }),
    );

  let drafts: DraftStore | null = null;
  /** The form as it stands, kept so a reload or a rejoin finds it as it was left. */
  const keep = (): void =>
    drafts?.write('pledge', {
      kind: kind(),
      target: target.value,
      ask: { instrument: askInstrument.value, amount: storedAmount(askAmount.valueAsNumber) },
      answer: { instrument: answerInstrument.value, amount: storedAmount(answerAmount.valueAsNumber) },
      dueRound: storedAmount(due.valueAsNumber),
    });
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);

  const choose = (select: HTMLSelectElement, value: string): boolean => {
    if (![...select.options].some((o) => o.value === value)) return false;
    select.value = value;
    return true;
  };
  /** Put back a kept form: only the seats and instruments this table still has. */
  const restore = (): void => {
    const draft = drafts?.read().pledge;
    if (!draft) return;
    const radio = form.querySelector<HTMLInputElement>(`input[name="${kindName}"][value="${draft.kind}"]`);
    if (radio) radio.checked = true;
    relabel();
    if (choose(target, draft.target)) fillInstruments(askInstrument, target.value);
    if (choose(askInstrument, draft.ask.instrument)) fitAmount(askInstrument, askAmount);
    askAmount.value = fieldValue(draft.ask.amount);
    if (choose(answerInstrument, draft.answer.instrument)) fitAmount(answerInstrument, answerAmount);
    answerAmount.value = fieldValue(draft.answer.amount);
    due.value = fieldValue(draft.dueRound);
  };

  let shown = '';
  function update(frame: TableFrame): void {
    state = frame.state;
    const refusal = refused(frame.refusal);
    if (refusal) showProblem(problemOf(refusal));
    const others = otherSeats(state, ctx.seat);
    if (target.options.length !== others.length) {
      fill(target, ...others.map((id) => h('option', { text: seatName(scenario, id), attrs: { value: id } })));
      fillInstruments(askInstrument, target.value);
      fitAmount(askInstrument, askAmount);
    }
    if (drafts === null && ctx.seat !== null) {
      drafts = draftStore(browserStorage(), frame.view.gameId, ctx.seat);
      restore();
    }
    due.min = String(state.round);
    if (due.valueAsNumber < state.round || !Number.isFinite(due.valueAsNumber)) due.value = String(state.round);
    setDisabled(fieldset, !frame.controls.pledge);
    warn();
    const key = JSON.stringify([state.threats.map((x) => [x.id, x.status]), state.promises.map((x) => [x.id, x.status])]);
    if (key === shown) return;
    shown = key;
    const items = [...state.threats.map(threatItem), ...state.promises.map(promiseItem)];
    if (items.length === 0) fill(list, h('li', { class: 'empty', text: t('pledge.none') }));
    else fill(list, ...items);
  }

  return { el, update };
}
