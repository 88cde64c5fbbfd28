import { instrumentsOf } from '../../shared/rules/instruments.ts';
import type { Instrument } from '../../shared/scenario/schema.ts';
import { local, locale, t } from '../i18n/index.ts';
import { fill, h, setDisabled, uid } from '../ui/element.ts';
import { formatNumber } from '../ui/format.ts';
import { budgetOf, buildDecision } from '../ui/move-drafts.ts';
import { describeUse, seatName } from '../ui/names.ts';
import { commitmentsInForce } from '../ui/round-summary.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

type Level = { inst: Instrument; number: HTMLInputElement; slider: HTMLInputElement };

/**
 * The sealed, simultaneous decision: one level per own instrument, within the capacity
 * budget. The meter previews the cost with the same function the rules charge with.
 */
export function createDecision(ctx: TableContext): Panel {
  const { scenario } = ctx;
  const seat = ctx.seat;
  const heading = h('h2', { id: uid('dec') });
  const levels: Level[] = [];
  const rows = (seat === null ? [] : instrumentsOf(scenario, seat)).map((inst) => {
    const number = h('input', {
      class: 'amount',
      attrs: { type: 'number', name: inst.id, min: inst.param.min, max: inst.param.max, step: inst.param.step, value: inst.param.min, inputmode: 'decimal' },
    });
    number.id = uid('lvl');
    const slider = h('input', {
      class: 'slider',
      attrs: { type: 'range', min: inst.param.min, max: inst.param.max, step: inst.param.step, value: inst.param.min, 'aria-label': t('decision.slider', { instrument: local(inst.label) }) },
    });
    const helpId = uid('help');
    number.setAttribute('aria-describedby', helpId);
    number.addEventListener('input', () => {
      if (Number.isFinite(number.valueAsNumber)) slider.value = String(number.valueAsNumber);
      refreshBudget();
    });
    slider.addEventListener('input', () => {
      number.value = slider.value;
      refreshBudget();
    });
    levels.push({ inst, number, slider });
    return h(
      'div',
      { class: 'level-row' },
      h('label', { attrs: { for: number.id }, text: t('decision.level', { instrument: local(inst.label), unit: local(inst.param.unit) }) }),
      h('div', { class: 'level-inputs' }, slider, number),
      h('p', { class: 'hint', id: helpId, text: local(inst.help) }),
    );
  });

  const budgetLabelId = uid('budget');
  const budgetFill = h('span', { class: 'meter-fill' });
  const budgetMeter = h('span', { class: 'meter budget', attrs: { role: 'meter', 'aria-labelledby': budgetLabelId, 'aria-valuemin': 0 } }, budgetFill);
  const budgetValue = h('span', { class: 'budget-value' });
  const budgetWarning = h('p', { class: 'warning' });
  const costs = h('p', { class: 'hint' });
  const commitments = h('ul', { class: 'commitments' });
  const submit = h('button', { class: 'primary', text: t('decision.submit'), attrs: { type: 'submit' } });
  const sealed = h('p', { class: 'sealed-state', attrs: { role: 'status' } });
  const others = h('ul', { class: 'others-state' });

  const fieldset = h(
    'fieldset',
    { class: 'plain' },
    h('div', { class: 'levels' }, ...rows),
    h('div', { class: 'budget-row' }, h('span', { id: budgetLabelId, class: 'meter-label', text: t('decision.budget') }), budgetMeter, budgetValue),
    budgetWarning,
    costs,
    h('h3', { text: t('decision.commitments') }),
    commitments,
    h('div', { class: 'actions' }, submit),
  );
  const form = h('form', { class: 'decision-form', attrs: { novalidate: true, 'aria-labelledby': heading.id } }, fieldset);
  const el = h('section', { class: 'card decision' }, heading, form, sealed, others);
  if (seat === null) el.hidden = true;

  let capacity = 0;
  let seededRound = -1;

  const current = (): Record<string, number> => Object.fromEntries(levels.map((l) => [l.inst.id, l.number.valueAsNumber]));

  function refreshBudget(): void {
    if (seat === null) return;
    const budget = budgetOf(scenario, seat, current(), capacity);
    const loc = locale();
    budgetMeter.setAttribute('aria-valuemax', String(capacity));
    budgetMeter.setAttribute('aria-valuenow', String(Math.min(budget.used, capacity)));
    budgetMeter.setAttribute('aria-valuetext', t('decision.budgetValue', { used: formatNumber(loc, budget.used, 2), capacity: formatNumber(loc, capacity, 2) }));
    budgetFill.style.width = `${Math.min(100, budget.ratio * 100)}%`;
    budgetMeter.classList.toggle('over', budget.over > 0);
    budgetValue.textContent = t('decision.budgetValue', { used: formatNumber(loc, budget.used, 2), capacity: formatNumber(loc, capacity, 2) });
    budgetWarning.textContent = budget.over > 0 ? t('decision.overBudget', { over: formatNumber(loc, budget.over, 2) }) : '';
    costs.textContent = t('decision.costs', { political: formatNumber(loc, budget.political, 2), reputational: formatNumber(loc, budget.reputational, 2) });
  }

  const setLevels = (values: Record<string, number>): void => {
    for (const l of levels) {
      const value = values[l.inst.id];
      if (value === undefined) continue;
      l.number.value = String(value);
      l.slider.value = String(value);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (seat === null) return;
    const built = buildDecision(scenario, locale(), seat, current(), capacity, ctx.version());
    if (!built.ok) return ctx.notify(built.problem);
    ctx.notify(null);
    ctx.send(built.move);
  });

  function update(frame: TableFrame): void {
    if (seat === null) return;
    const { state } = frame;
    const mine = state.seats[seat];
    if (!mine) return;
    heading.textContent = t('decision.heading', { round: state.round });
    capacity = mine.capacity;
    if (seededRound !== state.round) {
      setLevels(mine.policy);
      seededRound = state.round;
    }
    if (mine.submitted && mine.decision) setLevels(mine.decision);
    setDisabled(fieldset, !frame.controls.decide);
    refreshBudget();

    const binding = commitmentsInForce(state.agreements, state.round, seat);
    if (binding.length === 0) fill(commitments, h('li', { class: 'empty', text: t('decision.noCommitments') }));
    else fill(commitments, ...binding.map((c) => h('li', { text: `${describeUse(scenario, c)} (${c.agreementId})` })));

    const otherIds = Object.keys(state.seats).filter((id) => id !== seat);
    const deciding = state.phase === 'decision';
    if (deciding && mine.submitted) {
      const waiting = otherIds.filter((id) => !state.seats[id]?.submitted).map((id) => seatName(scenario, id));
      sealed.textContent = waiting.length > 0 ? t('decision.sealed', { seats: waiting.join(', ') }) : t('decision.allSealed');
    } else {
      sealed.textContent = '';
    }
    fill(
      others,
      ...(deciding
        ? otherIds.map((id) => h('li', { text: t(state.seats[id]?.submitted ? 'decision.otherSubmitted' : 'decision.otherPending', { seat: seatName(scenario, id) }) }))
        : []),
    );
    el.classList.toggle('active', deciding);
  }

  return { el, update };
}
