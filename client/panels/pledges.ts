import { findInstrument, instrumentsOf } from '../../shared/rules/instruments.ts';
import type { PromiseMade, Threat } from '../../shared/rules/state.ts';
import { local, locale, t } from '../i18n/index.ts';
import { field, fill, h, setDisabled, uid } from '../ui/element.ts';
import { buildPledge } from '../ui/move-drafts.ts';
import { describeUse, seatName } from '../ui/names.ts';
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

  const fieldset = h(
    'fieldset',
    { class: 'plain' },
    kindSet,
    field(t('pledge.target'), target),
    h('div', { class: 'pair' }, askField, askAmountField),
    h('div', { class: 'pair' }, answerField, answerAmountField),
    field(t('pledge.dueRound'), due),
    h('div', { class: 'actions' }, send),
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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const built = buildPledge(
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
    if (!built.ok) return ctx.notify(built.problem);
    ctx.notify(null);
    ctx.send(built.move);
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

  let shown = '';
  function update(frame: TableFrame): void {
    const { state } = frame;
    const others = otherSeats(state, ctx.seat);
    if (target.options.length !== others.length) {
      fill(target, ...others.map((id) => h('option', { text: seatName(scenario, id), attrs: { value: id } })));
      fillInstruments(askInstrument, target.value);
      fitAmount(askInstrument, askAmount);
    }
    due.min = String(state.round);
    if (due.valueAsNumber < state.round || !Number.isFinite(due.valueAsNumber)) due.value = String(state.round);
    setDisabled(fieldset, !frame.controls.pledge);
    const key = JSON.stringify([state.threats.map((x) => [x.id, x.status]), state.promises.map((x) => [x.id, x.status])]);
    if (key === shown) return;
    shown = key;
    const items = [...state.threats.map(threatItem), ...state.promises.map(promiseItem)];
    if (items.length === 0) fill(list, h('li', { class: 'empty', text: t('pledge.none') }));
    else fill(list, ...items);
  }

  return { el, update };
}
