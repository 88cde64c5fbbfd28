import { MAX_AGREEMENT_ROUNDS } from '../../shared/rules/moves.ts';
import type { Proposal } from '../../shared/rules/state.ts';
import type { Instrument } from '../../shared/scenario/schema.ts';
import { local, locale, t } from '../i18n/index.ts';
import { proposalName } from '../ui/deal-names.ts';
import { browserStorage, draftStore, fieldValue, storedAmount, type DraftStore } from '../net/draft-store.ts';
import { field, fill, h, setDisabled, uid } from '../ui/element.ts';
import { checkMove } from '../../shared/rules/check-move.ts';
import { inlineError, refusalsFor, type InlineError } from '../ui/inline-error.ts';
import { buildProposal, type Problem } from '../ui/move-drafts.ts';
import { refusalProblem } from '../ui/refusal-text.ts';
import { boundWord, seatName } from '../ui/names.ts';
import { otherSeats } from '../ui/phase-controls.ts';
import { flagWarnings } from '../ui/flag-warnings.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

type Row = { inst: Instrument; include: HTMLInputElement; amount: HTMLInputElement; group: HTMLFieldSetElement; error: InlineError };

/**
 * A bundle of commitments by either side, for a number of rounds. The same form makes
 * counter proposals: `prefill` loads a proposal into it and switches to counter mode.
 */
export function createProposalBuilder(ctx: TableContext): Panel & { prefill(proposal: Proposal): void } {
  const { scenario } = ctx;
  const heading = h('h2', { id: uid('pb'), text: t('proposal.heading') });
  heading.tabIndex = -1;
  const to = h('select', { attrs: { name: 'to' } });
  const rounds = h('input', { attrs: { type: 'number', name: 'rounds', min: 1, max: MAX_AGREEMENT_ROUNDS, step: 1, value: 1, inputmode: 'numeric' } });
  const send = h('button', { class: 'primary', text: t('proposal.send'), attrs: { type: 'submit' } });
  const cancel = h('button', { class: 'ghost', text: t('proposal.cancelCounter'), attrs: { type: 'button' } });
  cancel.hidden = true;

  const rows: Row[] = [];
  const groups = new Map<string, HTMLFieldSetElement>();
  for (const seat of scenario.seats) {
    const group = h('fieldset', { class: 'commit-group' }, h('legend', { text: t('proposal.seatHeading', { seat: local(seat.name) }) }));
    for (const inst of scenario.instruments.filter((i) => i.seat === seat.id)) {
      // The visible label names the instrument; the accessible name also says "include" and whose it is.
      const include = h('input', {
        attrs: { type: 'checkbox', name: `include-${inst.id}`, 'aria-label': t('proposal.include', { instrument: local(inst.label), seat: local(seat.name) }) },
      });
      include.id = uid('inc');
      const amount = h('input', {
        class: 'amount',
        attrs: { type: 'number', name: `amount-${inst.id}`, min: inst.param.min, max: inst.param.max, step: inst.param.step, value: inst.param.min, inputmode: 'decimal' },
      });
      amount.id = uid('amt');
      amount.addEventListener('input', () => {
        include.checked = true;
      });
      const error = inlineError(amount);
      group.append(
        h(
          'div',
          { class: 'commit-row' },
          h('span', { class: 'check' }, include, h('label', { attrs: { for: include.id }, text: local(inst.label) })),
          h(
            'span',
            { class: 'amount-line' },
            h('span', { class: 'bound', text: boundWord(scenario, inst.id) }),
            h('label', { class: 'visually-hidden', attrs: { for: amount.id }, text: t('proposal.amount', { instrument: local(inst.label) }) }),
            amount,
            h('span', { class: 'unit', text: local(inst.param.unit) }),
          ),
          error.el,
        ),
      );
      rows.push({ inst, include, amount, group, error });
    }
    groups.set(seat.id, group);
  }

  const roundsError = inlineError(rounds);
  const sendError = inlineError(send);
  // What the framework's card would flag on the offer as it stands (obligations beyond one side's capacity), said before it is sent.
  const warning = h('p', { class: 'warning proposal-warning', id: uid('warn') });
  send.setAttribute('aria-describedby', `${send.getAttribute('aria-describedby') ?? ''} ${warning.id}`.trim());
  const fieldset = h(
    'fieldset',
    { class: 'plain' },
    field(t('proposal.to'), to),
    h('div', { class: 'commit-groups' }, ...groups.values()),
    field(t('proposal.rounds'), rounds),
    roundsError.el,
    warning,
    h('div', { class: 'actions' }, send, cancel),
    sendError.el,
  );
  const refused = refusalsFor(['propose', 'counter']);
  const clearErrors = (): void => {
    roundsError.clear();
    sendError.clear();
    for (const row of rows) row.error.clear();
  };
  /** Beside the amount or the rounds at fault, or beside the button when it is the whole offer's. */
  const showProblem = (problem: Problem): void => {
    clearErrors();
    const text = t(problem.key, problem.params);
    const row = rows.find((r) => r.inst.id === problem.field && !r.group.hidden);
    if (row) row.error.show(text);
    else if (problem.field === 'rounds') roundsError.show(text);
    else sendError.show(text);
  };
  const problemOf = (refusal: Parameters<typeof refusalProblem>[2]): Problem => {
    const problem = refusalProblem(scenario, locale(), refusal);
    const instrument = refusal.params?.instrument;
    return typeof instrument === 'string' ? { ...problem, field: instrument } : problem;
  };
  const form = h('form', { class: 'proposal-form', attrs: { novalidate: true, 'aria-labelledby': heading.id } }, fieldset);
  const el = h('section', { class: 'card proposal-builder' }, heading, form);

  let counterOf: string | null = null;
  let seeded = false;
  let lastFrame: TableFrame | null = null;
  let drafts: DraftStore | null = null;

  /** The form as it stands, kept so a reload or a rejoin finds it as it was left. */
  const keep = (): void =>
    drafts?.write('proposal', {
      to: to.value,
      rounds: storedAmount(rounds.valueAsNumber),
      counterOf,
      rows: rows.map((row) => ({ seat: row.inst.seat, instrument: row.inst.id, include: row.include.checked, amount: storedAmount(row.amount.valueAsNumber) })),
    });
  /** The offer as the form stands, or null while it is not yet a valid one. */
  const drafted = () =>
    buildProposal(
      scenario,
      locale(),
      {
        to: to.value,
        rows: rows.filter((row) => !row.group.hidden).map((row) => ({ seat: row.inst.seat, instrument: row.inst.id, include: row.include.checked, amount: row.amount.valueAsNumber })),
        rounds: rounds.valueAsNumber,
        counterOf,
      },
      ctx.version(),
    );
  /** The card's flags on the offer as it is typed. */
  const warn = (): void => {
    const built = drafted();
    warning.textContent = built.ok && lastFrame && ctx.seat !== null ? flagWarnings(scenario, lastFrame.state, ctx.seat, built.move, locale()).join(' ') : '';
  };
  form.addEventListener('input', () => {
    keep();
    clearErrors();
    warn();
  });
  form.addEventListener('change', () => {
    keep();
    warn();
  });

  /** Put back a kept form: only the rows and the addressee this scenario and table still have. */
  const restore = (frame: TableFrame, others: readonly string[]): boolean => {
    const draft = drafts?.read().proposal;
    if (!draft) return false;
    if (others.includes(draft.to)) to.value = draft.to;
    for (const row of rows) {
      const kept = draft.rows.find((r) => r.seat === row.inst.seat && r.instrument === row.inst.id);
      if (!kept) continue;
      row.include.checked = kept.include;
      row.amount.value = fieldValue(kept.amount);
    }
    rounds.value = fieldValue(draft.rounds);
    const countered = draft.counterOf === null ? undefined : frame.state.proposals.find((p) => p.id === draft.counterOf && p.status === 'open');
    setMode(countered ?? null);
    return true;
  };

  const setMode = (proposal: Proposal | null): void => {
    counterOf = proposal?.id ?? null;
    heading.textContent = proposal ? t('proposal.counterHeading', { id: proposalName(scenario, locale(), lastFrame?.state.proposals ?? [proposal], proposal.id) }) : t('proposal.heading');
    send.textContent = proposal ? t('proposal.sendCounter') : t('proposal.send');
    cancel.hidden = proposal === null;
    el.classList.toggle('countering', proposal !== null);
    if (proposal) to.value = proposal.from;
    setDisabled(to, proposal !== null);
    syncParties();
    keep();
  };

  /** Only the two parties of a proposal can commit in it. */
  const syncParties = (): void => {
    for (const [seatId, group] of groups) {
      const party = seatId === ctx.seat || seatId === to.value;
      group.hidden = !party;
    }
  };

  to.addEventListener('change', syncParties);
  cancel.addEventListener('click', () => setMode(null));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const built = drafted();
    if (!built.ok) {
      showProblem(built.problem);
      return ctx.notify(built.problem);
    }
    // The rules' own dry run: what they would refuse is said here, before anything is sent.
    const check = lastFrame && ctx.seat !== null ? checkMove(scenario, lastFrame.state, ctx.seat, built.move) : null;
    if (check && !check.ok) {
      const problem = problemOf(check.rejection);
      showProblem(problem);
      return ctx.notify(problem);
    }
    clearErrors();
    ctx.notify(null);
    ctx.send(built.move);
    warning.textContent = '';
    setMode(null);
  });

  function update(frame: TableFrame): void {
    lastFrame = frame;
    const refusal = refused(frame.refusal);
    if (refusal) showProblem(problemOf(refusal));
    const others = otherSeats(frame.state, ctx.seat);
    if (to.options.length !== others.length) {
      const current = to.value;
      fill(to, ...others.map((id) => h('option', { text: seatName(scenario, id), attrs: { value: id } })));
      if (others.includes(current)) to.value = current;
      syncParties();
    }
    if (!seeded) {
      // Start from the levels in force: the natural baseline for an offer.
      for (const row of rows) {
        const level = frame.state.seats[row.inst.seat]?.policy[row.inst.id];
        if (level !== undefined) row.amount.value = String(level);
      }
      if (ctx.seat !== null) {
        drafts = draftStore(browserStorage(), frame.view.gameId, ctx.seat);
        restore(frame, others);
      }
      seeded = true;
    }
    rounds.max = String(Math.max(1, Math.min(MAX_AGREEMENT_ROUNDS, scenario.rounds.length - frame.state.round + 1)));
    setDisabled(fieldset, !frame.controls.propose);
    if (counterOf !== null && frame.state.proposals.find((p) => p.id === counterOf)?.status !== 'open') setMode(null);
  }

  function prefill(proposal: Proposal): void {
    for (const row of rows) {
      const commitment = proposal.commitments.find((c) => c.instrument === row.inst.id && c.seat === row.inst.seat);
      row.include.checked = commitment !== undefined;
      if (commitment) row.amount.value = String(commitment.amount);
    }
    rounds.value = String(proposal.rounds);
    setMode(proposal);
    warn();
    if (lastFrame) setDisabled(fieldset, !lastFrame.controls.propose);
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    heading.focus({ preventScroll: true });
  }

  return { el, update, prefill };
}
