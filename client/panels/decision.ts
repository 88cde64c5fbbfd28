import { instrumentsOf } from '../../shared/rules/instruments.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Instrument } from '../../shared/scenario/schema.ts';
import { local, locale, t } from '../i18n/index.ts';
import { browserStorage, draftStore, fieldValue, storedAmount, type DraftStore } from '../net/draft-store.ts';
import { agreementName as nameAgreement, type Deals } from '../ui/deal-names.ts';
import { decisionBrief, type DecisionBrief, type LevelMark, type Obligation } from '../ui/decision-brief.ts';
import { fill, h, setDisabled, uid } from '../ui/element.ts';
import { inlineError, refusalsFor, type InlineError } from '../ui/inline-error.ts';
import { refusalProblem } from '../ui/refusal-text.ts';
import { formatNumber } from '../ui/format.ts';
import { budgetOf, buildDecision, type Problem } from '../ui/move-drafts.ts';
import { amountWithUnit, describeUse, instrumentName, seatName } from '../ui/names.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';
import '../styles/decision.css';

type Level = { inst: Instrument; row: HTMLElement; number: HTMLInputElement; slider: HTMLInputElement; mark: HTMLElement; error: InlineError };

function markText(ctx: TableContext, deals: Deals, mark: LevelMark): string {
  const { scenario } = ctx;
  const agreementName = (id: string): string => nameAgreement(scenario, locale(), deals, id);
  switch (mark.kind) {
    case 'breaks-agreement':
      return t('mark.breaks-agreement', { agreement: agreementName(mark.agreementId), use: describeUse(scenario, mark.commitment) });
    case 'misses-demand':
      return t('mark.misses-demand', { by: seatName(scenario, mark.threat.by), use: describeUse(scenario, mark.threat.demand) });
    case 'empty-threat':
      return t('mark.empty-threat', { target: seatName(scenario, mark.threat.target), use: describeUse(scenario, mark.threat.consequence, true) });
    case 'breaks-promise':
      return t('mark.breaks-promise', { target: seatName(scenario, mark.promise.target), use: describeUse(scenario, mark.promise.reward) });
    case 'misses-condition':
      return t('mark.misses-condition', { by: seatName(scenario, mark.promise.by), use: describeUse(scenario, mark.promise.condition) });
  }
}

/** "National Guard 6 thousand personnel, Returns accepted 0 people". */
function levelsText(ctx: TableContext, levels: Readonly<Record<string, number>>): string {
  return Object.entries(levels)
    .map(([id, amount]) => t('brief.level', { instrument: instrumentName(ctx.scenario, id), amount: amountWithUnit(ctx.scenario, id, amount) }))
    .join(', ');
}

const obligationText = (ctx: TableContext, deals: Deals, o: Obligation): string =>
  t('brief.obligation', { agreement: nameAgreement(ctx.scenario, locale(), deals, o.agreementId), use: describeUse(ctx.scenario, o.commitment) });

const sentence = (text: string): HTMLElement => h('span', { text });

function badge(good: boolean, text: string): HTMLElement {
  return h('span', { class: `badge ${good ? 'badge-kept' : 'badge-broken'}`, text });
}

/**
 * The sealed, simultaneous decision: one level per own instrument, within the capacity
 * budget. The meter previews the cost with the same function the rules charge with; the
 * brief (agreements in force, threats and promises due, marks on each level, what the
 * table records without a seal) comes from the rules' own dry run.
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
    const mark = h('p', { class: 'level-mark', id: uid('mark') });
    number.setAttribute('aria-describedby', `${helpId} ${mark.id}`);
    slider.setAttribute('aria-describedby', mark.id);
    const error = inlineError(number);
    number.addEventListener('input', () => {
      if (Number.isFinite(number.valueAsNumber)) slider.value = String(number.valueAsNumber);
      edited();
    });
    slider.addEventListener('input', () => {
      number.value = slider.value;
      edited();
    });
    const row = h(
      'div',
      { class: 'level-row' },
      h('label', { attrs: { for: number.id }, text: t('decision.level', { instrument: local(inst.label), unit: local(inst.param.unit) }) }),
      h('div', { class: 'level-inputs' }, slider, number),
      error.el,
      mark,
      h('p', { class: 'hint', id: helpId, text: local(inst.help) }),
    );
    levels.push({ inst, row, number, slider, mark, error });
    return row;
  });

  const budgetLabelId = uid('budget');
  const budgetFill = h('span', { class: 'meter-fill' });
  const budgetMeter = h('span', { class: 'meter budget', attrs: { role: 'meter', 'aria-labelledby': budgetLabelId, 'aria-valuemin': 0 } }, budgetFill);
  const budgetValue = h('span', { class: 'budget-value' });
  const budgetWarning = h('p', { class: 'warning' });
  const costs = h('p', { class: 'hint' });
  const dueList = h('ul', { class: 'brief-list' });
  const ifUnsealed = h('p', { class: 'if-unsealed' });
  const recorded = h('p', { class: 'recorded', attrs: { role: 'status' } });
  const submit = h('button', { class: 'primary', text: t('decision.submit'), attrs: { type: 'submit' } });
  const submitError = inlineError(submit);
  const refused = refusalsFor(['decide']);
  const sealed = h('p', { class: 'sealed-state', attrs: { role: 'status' } });
  const others = h('ul', { class: 'others-state' });

  const fieldset = h(
    'fieldset',
    { class: 'plain' },
    h('div', { class: 'levels' }, ...rows),
    h('div', { class: 'budget-row' }, h('span', { id: budgetLabelId, class: 'meter-label', text: t('decision.budget') }), budgetMeter, budgetValue),
    budgetWarning,
    costs,
    h('div', { class: 'actions' }, submit),
    submitError.el,
  );
  const brief = h('section', { class: 'decision-brief', attrs: { 'aria-label': t('brief.heading') } }, h('h3', { text: t('brief.heading') }), dueList, ifUnsealed);
  const form = h('form', { class: 'decision-form', attrs: { novalidate: true, 'aria-labelledby': heading.id } }, brief, fieldset);
  const el = h('section', { class: 'card decision' }, heading, recorded, form, sealed, others);
  if (seat === null) el.hidden = true;

  let capacity = 0;
  let seededRound = -1;
  let state: GameState | null = null;
  /** Rounds whose decision this browser saw sealed before the deadline, and saw open without a seal. */
  const sealedRounds = new Set<number>();
  const unsealedRounds = new Set<number>();

  const current = (): Record<string, number> => Object.fromEntries(levels.map((l) => [l.inst.id, l.number.valueAsNumber]));

  let drafts: DraftStore | null = null;
  const clearErrors = (): void => {
    submitError.clear();
    for (const l of levels) l.error.clear();
  };
  /** A problem beside the level at fault, or beside the button when it is the whole decision's. */
  const showProblem = (problem: Problem): void => {
    clearErrors();
    const text = t(problem.key, problem.params);
    const at = levels.find((l) => l.inst.id === problem.field);
    if (at) at.error.show(text);
    else submitError.show(text);
  };
  const edited = (): void => {
    clearErrors();
    if (state) drafts?.write('decision', { round: state.round, levels: Object.fromEntries(levels.map((l) => [l.inst.id, storedAmount(l.number.valueAsNumber)])) });
    refresh();
  };

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

  function renderBrief(deals: Deals, b: DecisionBrief): void {
    for (const l of levels) {
      const marks = b.marks[l.inst.id] ?? [];
      l.row.classList.toggle('marked', marks.length > 0);
      l.mark.textContent = marks.map((m) => markText(ctx, deals, m)).join(' ');
    }
    const items = [
      ...b.obligations.map((o) => h('li', { class: 'brief-item obligation' }, badge(o.kept, t(o.kept ? 'brief.kept' : 'brief.broken')), ' ', h('span', { text: obligationText(ctx, deals, o) }))),
      ...b.threats.map(({ role, threat, answered }) =>
        h(
          'li',
          { class: `brief-item threat ${role}` },
          badge(answered, t(role === 'faced' ? (answered ? 'brief.met' : 'brief.unmet') : answered ? 'brief.backed' : 'brief.unbacked')),
          ' ',
          sentence(role === 'faced'
            ? t('brief.threatFaced', { by: seatName(scenario, threat.by), demand: describeUse(scenario, threat.demand), consequence: describeUse(scenario, threat.consequence, true) })
            : t('brief.threatMade', { target: seatName(scenario, threat.target), demand: describeUse(scenario, threat.demand), consequence: describeUse(scenario, threat.consequence, true) })),
        ),
      ),
      ...b.promises.map(({ role, promise, answered }) =>
        h(
          'li',
          { class: `brief-item promise ${role}` },
          badge(answered, t(role === 'offered' ? (answered ? 'brief.met' : 'brief.unmet') : answered ? 'brief.backed' : 'brief.unbacked')),
          ' ',
          sentence(role === 'offered'
            ? t('brief.promiseOffered', { by: seatName(scenario, promise.by), condition: describeUse(scenario, promise.condition), reward: describeUse(scenario, promise.reward) })
            : t('brief.promiseMade', { target: seatName(scenario, promise.target), condition: describeUse(scenario, promise.condition), reward: describeUse(scenario, promise.reward) })),
        ),
      ),
    ];
    if (items.length === 0) fill(dueList, h('li', { class: 'empty', text: t('brief.nothing') }));
    else fill(dueList, ...items);
    if (b.ifUnsealed) {
      const breaks = b.ifUnsealed.breaks;
      ifUnsealed.textContent = [
        t(b.ifUnsealed.standsDown ? 'brief.ifUnsealedMinimum' : 'brief.ifUnsealed', { levels: levelsText(ctx, b.ifUnsealed.levels) }),
        breaks.length > 0 ? t('brief.ifUnsealedBreaks', { agreements: breaks.map((o) => t('brief.breach', { agreement: nameAgreement(scenario, locale(), deals, o.agreementId), use: describeUse(scenario, o.commitment) })).join(', ') }) : '',
      ]
        .filter((x) => x !== '')
        .join(' ');
    } else ifUnsealed.textContent = '';
  }

  function refresh(): void {
    if (seat === null || state === null) return;
    refreshBudget();
    renderBrief(state, decisionBrief(scenario, state, seat, current()));
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
    if (!built.ok) {
      showProblem(built.problem);
      return ctx.notify(built.problem);
    }
    clearErrors();
    ctx.notify(null);
    ctx.send(built.move);
  });

  const recordedWord = (round: number): string =>
    sealedRounds.has(round) ? t('brief.recordedSealed') : unsealedRounds.has(round) ? t('brief.recordedUnsealed') : '';

  function update(frame: TableFrame): void {
    if (seat === null) return;
    state = frame.state;
    const refusal = refused(frame.refusal);
    if (refusal) {
      const problem = refusalProblem(scenario, locale(), refusal);
      const instrument = refusal.params?.instrument;
      showProblem(typeof instrument === 'string' ? { ...problem, field: instrument } : problem);
    }
    const mine = state.seats[seat];
    if (!mine) return;
    heading.textContent = t('decision.heading', { round: state.round });
    capacity = mine.capacity;
    drafts ??= draftStore(browserStorage(), frame.view.gameId, seat);
    if (seededRound !== state.round) {
      setLevels(mine.policy);
      seededRound = state.round;
      // What this browser had set and not sealed for this round, before a reload or a rejoin.
      const draft = drafts.read().decision;
      if (draft && draft.round === state.round && !mine.submitted) {
        for (const l of levels) {
          const amount = draft.levels[l.inst.id];
          if (amount === undefined) continue;
          l.number.value = fieldValue(amount);
          if (amount !== null) l.slider.value = String(amount);
        }
      }
    }
    const deciding = state.phase === 'decision';
    if (deciding) (mine.submitted ? sealedRounds : unsealedRounds).add(state.round);
    // Sealed or recorded, the round's draft has done its work.
    if (mine.submitted && drafts.read().decision) drafts.write('decision', undefined);
    if (mine.submitted && mine.decision) setLevels(mine.decision);
    setDisabled(fieldset, !frame.controls.decide);
    const b = decisionBrief(scenario, state, seat, current());
    refreshBudget();
    renderBrief(state, b);
    recorded.textContent = b.recorded
      ? [t('brief.recorded', { round: state.round, levels: levelsText(ctx, b.recorded) }), recordedWord(state.round)].filter((x) => x !== '').join(' ')
      : '';

    const otherIds = Object.keys(state.seats).filter((id) => id !== seat);
    if (deciding && mine.submitted) {
      const waiting = otherIds.filter((id) => !state?.seats[id]?.submitted).map((id) => seatName(scenario, id));
      sealed.textContent = waiting.length > 0 ? t('decision.sealed', { seats: waiting.join(', ') }) : t('decision.allSealed');
    } else {
      sealed.textContent = '';
    }
    fill(
      others,
      ...(deciding
        ? otherIds.map((id) => h('li', { text: t(state?.seats[id]?.submitted ? 'decision.otherSubmitted' : 'decision.otherPending', { seat: seatName(scenario, id) }) }))
        : []),
    );
    el.classList.toggle('active', deciding);
  }

  return { el, update };
}
