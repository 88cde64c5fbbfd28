import { MAX_AGREEMENT_ROUNDS } from '../../shared/rules/moves.ts';
import type { Proposal } from '../../shared/rules/state.ts';
import type { Instrument } from '../../shared/scenario/schema.ts';
import { local, locale, t } from '../i18n/index.ts';
import { field, fill, h, setDisabled, uid } from '../ui/element.ts';
import { buildProposal, type CommitmentDraft } from '../ui/move-drafts.ts';
import { boundWord, seatName } from '../ui/names.ts';
import { otherSeats } from '../ui/phase-controls.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

type Row = { inst: Instrument; include: HTMLInputElement; amount: HTMLInputElement; group: HTMLFieldSetElement };

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
        ),
      );
      rows.push({ inst, include, amount, group });
    }
    groups.set(seat.id, group);
  }

  const fieldset = h(
    'fieldset',
    { class: 'plain' },
    field(t('proposal.to'), to),
    h('div', { class: 'commit-groups' }, ...groups.values()),
    field(t('proposal.rounds'), rounds),
    h('div', { class: 'actions' }, send, cancel),
  );
  const form = h('form', { class: 'proposal-form', attrs: { novalidate: true, 'aria-labelledby': heading.id } }, fieldset);
  const el = h('section', { class: 'card proposal-builder' }, heading, form);

  let counterOf: string | null = null;
  let seeded = false;
  let lastFrame: TableFrame | null = null;

  const setMode = (proposal: Proposal | null): void => {
    counterOf = proposal?.id ?? null;
    heading.textContent = proposal ? t('proposal.counterHeading', { id: proposal.id }) : t('proposal.heading');
    send.textContent = proposal ? t('proposal.sendCounter') : t('proposal.send');
    cancel.hidden = proposal === null;
    el.classList.toggle('countering', proposal !== null);
    if (proposal) to.value = proposal.from;
    setDisabled(to, proposal !== null);
    syncParties();
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
    const drafts: CommitmentDraft[] = rows
      .filter((row) => !row.group.hidden)
      .map((row) => ({ seat: row.inst.seat, instrument: row.inst.id, include: row.include.checked, amount: row.amount.valueAsNumber }));
    const built = buildProposal(scenario, locale(), { to: to.value, rows: drafts, rounds: rounds.valueAsNumber, counterOf }, ctx.version());
    if (!built.ok) return ctx.notify(built.problem);
    ctx.notify(null);
    ctx.send(built.move);
    setMode(null);
  });

  function update(frame: TableFrame): void {
    lastFrame = frame;
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
    if (lastFrame) setDisabled(fieldset, !lastFrame.controls.propose);
    el.scrollIntoView({ behavior: 'smooth', block: 'start' });
    heading.focus({ preventScroll: true });
  }

  return { el, update, prefill };
}
