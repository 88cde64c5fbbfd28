import type { Agreement, Proposal } from '../../shared/rules/state.ts';
import { locale, t } from '../i18n/index.ts';
import { fill, h, uid } from '../ui/element.ts';
import { refusalsFor } from '../ui/inline-error.ts';
import { refusalText } from '../ui/refusal-text.ts';
import { agreementName, proposalName, startOfLine, type Deals } from '../ui/deal-names.ts';
import { describeUse, seatName } from '../ui/names.ts';
import type { Panel, TableContext, TableFrame } from './table-context.ts';

/** Offers in and out with what can be done about each, and the agreements they became. */
export function createProposals(ctx: TableContext, onCounter: (proposal: Proposal) => void): Panel {
  const { scenario } = ctx;
  const list = h('ol', { class: 'proposal-list', attrs: { reversed: true } });
  const agreements = h('ul', { class: 'agreement-list' });
  const el = h(
    'section',
    { class: 'card proposals', attrs: { 'aria-labelledby': 'proposals-h' } },
    h('h2', { id: 'proposals-h', text: t('proposals.heading') }),
    list,
    h('h3', { text: t('agreements.heading') }),
    agreements,
  );
  let shown = '';
  /** The view's proposals and agreements, which their names are counted from. */
  let deals: Deals = { proposals: [], agreements: [] };
  /** The proposal last acted on, and the server's refusals by proposal: shown in that proposal's own item. */
  let actedOn: string | null = null;
  const errors = new Map<string, string>();
  const refused = refusalsFor(['accept', 'reject', 'withdraw']);
  const act = (p: Proposal, type: 'accept' | 'reject' | 'withdraw'): void => {
    actedOn = p.id;
    errors.delete(p.id);
    ctx.send({ type, version: ctx.version(), proposalId: p.id });
  };

  const commitmentList = (commitments: Proposal['commitments']): HTMLUListElement =>
    h('ul', { class: 'commitments' }, ...commitments.map((c) => h('li', {}, h('strong', { text: `${seatName(scenario, c.seat)}: ` }), describeUse(scenario, c))));

  const action = (label: 'proposals.accept' | 'proposals.reject' | 'proposals.counter' | 'proposals.withdraw', p: Proposal, enabled: boolean, run: () => void, kind = ''): HTMLButtonElement =>
    h('button', {
      class: kind,
      text: t(label),
      attrs: { type: 'button', 'aria-label': t('proposals.actionLabel', { action: t(label), id: proposalName(scenario, locale(), deals.proposals, p.id) }), disabled: !enabled },
      on: { click: run },
    });

  const proposalItem = (p: Proposal, canAnswer: boolean): HTMLLIElement => {
    const incoming = p.to === ctx.seat;
    const open = p.status === 'open';
    const buttons: HTMLButtonElement[] = [];
    if (incoming && open) {
      buttons.push(
        action('proposals.accept', p, canAnswer, () => act(p, 'accept'), 'primary'),
        action('proposals.reject', p, canAnswer, () => act(p, 'reject')),
        action('proposals.counter', p, canAnswer, () => onCounter(p)),
      );
    }
    if (p.from === ctx.seat && open) {
      buttons.push(action('proposals.withdraw', p, canAnswer, () => act(p, 'withdraw')));
    }
    const error = errors.get(p.id);
    const errorEl = error === undefined ? null : h('p', { class: 'field-error', id: uid('err'), text: error });
    if (errorEl) for (const button of buttons) button.setAttribute('aria-describedby', errorEl.id);
    return h(
      'li',
      { class: `proposal ${incoming ? 'incoming' : 'outgoing'} status-${p.status}`, attrs: { 'data-proposal': p.id } },
      h(
        'div',
        { class: 'proposal-head' },
        h('span', { class: 'proposal-id', text: startOfLine(locale(), proposalName(scenario, locale(), deals.proposals, p.id)) }),
        h('span', { class: `badge badge-${p.status}`, text: t(`proposalStatus.${p.status}`) }),
        p.parent ? h('span', { class: 'muted', text: t('proposals.counterOf', { id: proposalName(scenario, locale(), deals.proposals, p.parent) }) }) : null,
      ),
      h('p', { class: 'muted', text: t('proposals.from', { from: seatName(scenario, p.from), to: seatName(scenario, p.to), round: p.round, duration: t('common.rounds', { count: p.rounds }) }) }),
      commitmentList(p.commitments),
      buttons.length > 0 ? h('div', { class: 'actions' }, ...buttons) : null,
      errorEl,
    );
  };

  const agreementItem = (a: Agreement): HTMLLIElement =>
    h(
      'li',
      { class: 'agreement' },
      h('div', { class: 'proposal-head' }, h('span', { class: 'proposal-id', text: agreementName(scenario, locale(), deals, a.id) }), h('span', { class: 'muted', text: t('agreements.span', { from: a.fromRound, to: a.toRound }) })),
      commitmentList(a.commitments),
    );

  function update(frame: TableFrame): void {
    const { state, controls } = frame;
    const refusal = refused(frame.refusal);
    if (refusal && actedOn !== null) errors.set(actedOn, refusalText(scenario, locale(), refusal));
    const key = JSON.stringify([state.proposals.map((p) => [p.id, p.status]), state.agreements.map((a) => a.id), controls.answer, [...errors]]);
    if (key === shown) return;
    shown = key;
    deals = state;
    const proposals = [...state.proposals].reverse();
    if (proposals.length === 0) fill(list, h('li', { class: 'empty', text: t('proposals.none') }));
    else fill(list, ...proposals.map((p) => proposalItem(p, controls.answer)));
    if (state.agreements.length === 0) fill(agreements, h('li', { class: 'empty', text: t('agreements.none') }));
    else fill(agreements, ...[...state.agreements].reverse().map(agreementItem));
  }

  return { el, update };
}
