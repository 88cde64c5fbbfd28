import type { z } from 'zod';
import { decisionCost, findInstrument, instrumentsOf, isLegalLevel } from '../../shared/rules/instruments.ts';
import { CHAT_MAX, MAX_AGREEMENT_ROUNDS, Move } from '../../shared/rules/moves.ts';
import type { Instrument, Locale, Scenario } from '../../shared/scenario/schema.ts';
import type { MessageKey, Params } from '../i18n/index.ts';
import { formatNumber } from './format.ts';

/**
 * Form state in, a move out: every move is checked here with the same schema and level
 * rules the server uses, so a student sees the problem before anything is sent.
 */
/** `field` names the input at fault (an instrument's id, or `rounds`, `due`, `text`), so the form can say it there. */
export type Problem = { key: MessageKey; params?: Params; field?: string };
export type Built = { ok: true; move: Move } | { ok: false; problem: Problem };

export type CommitmentDraft = { seat: string; instrument: string; include: boolean; amount: number };
export type ProposalDraft = { to: string; rows: readonly CommitmentDraft[]; rounds: number; counterOf: string | null };
export type UseDraft = { instrument: string; amount: number };
export type PledgeDraft = { kind: 'threat' | 'promise'; target: string; ask: UseDraft; answer: UseDraft; dueRound: number };

function failed(key: MessageKey, params?: Params, field?: string): Built {
  return { ok: false, problem: { key, ...(params ? { params } : {}), ...(field === undefined ? {} : { field }) } };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function parsed(raw: unknown, invalidKey: MessageKey): Built {
  const result = Move.safeParse(raw);
  return result.success ? { ok: true, move: result.data } : failed(invalidKey, { message: firstIssue(result.error) });
}

/** The range message for a level outside the instrument's parameter. */
export function rangeProblem(locale: Locale, inst: Instrument, amount: number): Problem | null {
  if (Number.isFinite(amount) && isLegalLevel(inst, amount)) return null;
  return {
    key: 'decision.outOfRange',
    field: inst.id,
    params: {
      instrument: inst.label[locale],
      min: formatNumber(locale, inst.param.min, 4),
      max: formatNumber(locale, inst.param.max, 4),
      step: formatNumber(locale, inst.param.step, 4),
    },
  };
}

function checkUse(scenario: Scenario, locale: Locale, use: UseDraft): Problem | null {
  const inst = findInstrument(scenario, use.instrument);
  if (!inst) return { key: 'refused.instrument/unknown', field: use.instrument };
  return rangeProblem(locale, inst, use.amount);
}

export function buildProposal(scenario: Scenario, locale: Locale, draft: ProposalDraft, version: number): Built {
  const chosen = draft.rows.filter((row) => row.include);
  if (chosen.length === 0) return failed('proposal.pickOne');
  for (const row of chosen) {
    const problem = checkUse(scenario, locale, row);
    if (problem) return { ok: false, problem };
  }
  if (!Number.isInteger(draft.rounds) || draft.rounds < 1 || draft.rounds > MAX_AGREEMENT_ROUNDS) {
    return failed('proposal.roundsInvalid', { max: MAX_AGREEMENT_ROUNDS }, 'rounds');
  }
  const commitments = chosen.map((row) => ({ seat: row.seat, instrument: row.instrument, amount: row.amount }));
  const raw =
    draft.counterOf === null
      ? { type: 'propose', version, to: draft.to, commitments, rounds: draft.rounds }
      : { type: 'counter', version, proposalId: draft.counterOf, commitments, rounds: draft.rounds };
  return parsed(raw, 'proposal.invalid');
}

export function buildPledge(scenario: Scenario, locale: Locale, draft: PledgeDraft, version: number): Built {
  for (const [field, use] of [['ask', draft.ask], ['answer', draft.answer]] as const) {
    const problem = checkUse(scenario, locale, use);
    if (problem) return { ok: false, problem: { ...problem, field } };
  }
  if (!Number.isInteger(draft.dueRound) || draft.dueRound < 1 || draft.dueRound > scenario.rounds.length) {
    return failed('refused.due/invalid', undefined, 'due');
  }
  const ask = { instrument: draft.ask.instrument, amount: draft.ask.amount };
  const answer = { instrument: draft.answer.instrument, amount: draft.answer.amount };
  const raw =
    draft.kind === 'threat'
      ? { type: 'threaten', version, target: draft.target, demand: ask, consequence: answer, dueRound: draft.dueRound }
      : { type: 'promise', version, target: draft.target, condition: ask, reward: answer, dueRound: draft.dueRound };
  return parsed(raw, 'pledge.invalid');
}

/** Characters as a person counts them (an emoji is one), the same count the rules apply. */
export function chatLength(text: string): number {
  return [...text.trim()].length;
}

export function buildChat(to: string, text: string, version: number): Built {
  const length = chatLength(text);
  if (length === 0) return failed('chat.empty', undefined, 'text');
  if (length > CHAT_MAX) return failed('chat.tooLong', { max: CHAT_MAX }, 'text');
  return parsed({ type: 'chat', version, to, text: text.trim() }, 'chat.tooLong');
}

/** What a decision would use of the seat's capacity: the live budget meter. */
export type Budget = { used: number; capacity: number; over: number; ratio: number; political: number; reputational: number };

export function budgetOf(scenario: Scenario, seat: string, levels: Record<string, number>, capacity: number): Budget {
  const clean: Record<string, number> = {};
  for (const [id, amount] of Object.entries(levels)) clean[id] = Number.isFinite(amount) ? amount : 0;
  const costs = decisionCost(scenario, seat, clean);
  const used = Math.round(costs.implementation * 100) / 100;
  return {
    used,
    capacity,
    over: Math.max(0, Math.round((used - capacity) * 100) / 100),
    ratio: capacity > 0 ? used / capacity : used > 0 ? Infinity : 0,
    political: Math.round(costs.political * 100) / 100,
    reputational: Math.round(costs.reputational * 100) / 100,
  };
}

export function buildDecision(scenario: Scenario, locale: Locale, seat: string, levels: Record<string, number>, capacity: number, version: number): Built {
  for (const inst of instrumentsOf(scenario, seat)) {
    const problem = rangeProblem(locale, inst, levels[inst.id] ?? Number.NaN);
    if (problem) return { ok: false, problem };
  }
  const budget = budgetOf(scenario, seat, levels, capacity);
  if (budget.over > 0) return failed('decision.overBudget', { over: formatNumber(locale, budget.over, 2) });
  return parsed({ type: 'decide', version, levels }, 'decision.invalid');
}

/** Game codes are short ids; a pasted join link carries one in `?game=`. */
export function gameIdFrom(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  let candidate = text;
  if (/^https?:\/\//i.test(text) || text.startsWith('/') || text.startsWith('?')) {
    try {
      const url = new URL(text, 'http://placeholder.invalid');
      candidate = url.searchParams.get('game') ?? '';
    } catch {
      return null;
    }
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(candidate) ? candidate : null;
}
