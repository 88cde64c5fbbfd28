import { MAX_COMMITMENTS, type Commitment, type InstrumentUse, type Move, type Proposal } from '../rules/index.ts';
import type { BotContext } from './policy.ts';
import { proposedThisRound, threatenedThisRound } from './reading.ts';

/** How a bot answers a proposal addressed to it. */
export type Verdict = { kind: 'accept' } | { kind: 'reject' } | { kind: 'counter'; commitments: Commitment[]; rounds: number };

export const ACCEPT: Verdict = { kind: 'accept' };
export const REJECT: Verdict = { kind: 'reject' };
export const counterWith = (commitments: Commitment[], rounds: number): Verdict => ({ kind: 'counter', commitments, rounds });

export function incoming(ctx: BotContext): Proposal[] {
  return ctx.view.proposals.filter((p) => p.to === ctx.seat && p.status === 'open');
}

/**
 * One answer to each open proposal addressed to this seat. A counter is made at most
 * once a round and never to a counter, so that two bots cannot haggle forever: past
 * that, a proposal is taken or left.
 */
export function answerProposals(ctx: BotContext, judge: (p: Proposal) => Verdict): Move[] {
  const { view, seat } = ctx;
  let mayCounter = !view.proposals.some((p) => p.from === seat && p.round === view.round && p.parent !== null);
  return incoming(ctx).map((p): Move => {
    const verdict = judge(p);
    if (verdict.kind === 'accept') return { type: 'accept', version: view.version, proposalId: p.id };
    if (verdict.kind === 'counter' && mayCounter && p.parent === null && verdict.commitments.length > 0) {
      mayCounter = false;
      return { type: 'counter', version: view.version, proposalId: p.id, commitments: verdict.commitments.slice(0, MAX_COMMITMENTS), rounds: verdict.rounds };
    }
    return { type: 'reject', version: view.version, proposalId: p.id };
  });
}

/** A proposal to `to`, unless this seat already made one to it this round or has nothing to put in it. */
export function proposeOnce(ctx: BotContext, to: string, commitments: Commitment[], rounds: number): Move[] {
  if (commitments.length === 0 || proposedThisRound(ctx.view, ctx.seat, to)) return [];
  return [{ type: 'propose', version: ctx.view.version, to, commitments: commitments.slice(0, MAX_COMMITMENTS), rounds }];
}

export type Ultimatum = { demand: InstrumentUse; consequence: InstrumentUse };

/** Threats against `target`, all due this round, unless this seat already threatened it this round. */
export function threatenOnce(ctx: BotContext, target: string, ultimatums: Ultimatum[]): Move[] {
  if (threatenedThisRound(ctx.view, ctx.seat, target)) return [];
  return ultimatums.map((u) => ({ type: 'threaten', version: ctx.view.version, target, demand: u.demand, consequence: u.consequence, dueRound: ctx.view.round }));
}
