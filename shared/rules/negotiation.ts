import type { Scenario } from '../scenario/schema.ts';
import { checkCommitment, checkUse } from './commitments.ts';
import type { GameEvent } from './events.ts';
import type { Commitment, Move } from './moves.ts';
import { ok, refusal, reject, type Result } from './result.ts';
import type { GameState, Proposal, Threat } from './state.ts';
import { asksNothingNew } from './threats.ts';

type Applied = Result<GameEvent[]>;
type MoveOf<T extends Move['type']> = Extract<Move, { type: T }>;

function checkBundle(scenario: Scenario, commitments: Commitment[], parties: string[]): Result<true> {
  for (const c of commitments) {
    const checked = checkCommitment(scenario, c, parties);
    if (!checked.ok) return refusal(checked);
  }
  return ok(true);
}

function otherSeat(state: GameState, seat: string, to: string): Result<true> {
  if (to === seat || !state.seats[to]) return reject('target/invalid', 'Address another seat at the table.');
  return ok(true);
}

function openProposal(state: GameState, seat: string, id: string, move: { version: number }): Result<Proposal> {
  const proposal = state.proposals.find((p) => p.id === id);
  // A proposal between two other seats is answered as if it did not exist: a refusal must not reveal it.
  if (!proposal || (proposal.from !== seat && proposal.to !== seat)) return reject('proposal/unknown', `There is no proposal "${id}".`);
  if (proposal.status !== 'open') return reject('proposal/not-open', `Proposal ${id} is already ${proposal.status}.`, { proposal: id, status: proposal.status });
  if (proposal.updatedVersion > move.version) return reject('state/stale', `Proposal ${id} changed after you last saw it.`);
  return ok(proposal);
}

function addProposal(state: GameState, from: string, to: string, commitments: Commitment[], rounds: number, parent: string | null): Proposal {
  const proposal: Proposal = {
    id: `p${state.nextId++}`,
    from,
    to,
    commitments,
    rounds,
    status: 'open',
    parent,
    round: state.round,
    updatedVersion: state.version + 1,
  };
  state.proposals.push(proposal);
  return proposal;
}

export function propose(scenario: Scenario, state: GameState, seat: string, move: MoveOf<'propose'>): Applied {
  const target = otherSeat(state, seat, move.to);
  if (!target.ok) return refusal(target);
  const bundle = checkBundle(scenario, move.commitments, [seat, move.to]);
  if (!bundle.ok) return refusal(bundle);
  const proposal = addProposal(state, seat, move.to, move.commitments, move.rounds, null);
  return ok([{ type: 'proposal', id: proposal.id }]);
}

export function counter(scenario: Scenario, state: GameState, seat: string, move: MoveOf<'counter'>): Applied {
  const found = openProposal(state, seat, move.proposalId, move);
  if (!found.ok) return refusal(found);
  const original = found.value;
  if (original.to !== seat) return reject('proposal/not-addressed', 'Only the seat a proposal is addressed to can counter it.');
  const bundle = checkBundle(scenario, move.commitments, [seat, original.from]);
  if (!bundle.ok) return refusal(bundle);
  original.status = 'countered';
  original.updatedVersion = state.version + 1;
  const proposal = addProposal(state, seat, original.from, move.commitments, move.rounds, original.id);
  return ok([{ type: 'proposal', id: proposal.id }]);
}

export function accept(scenario: Scenario, state: GameState, seat: string, move: MoveOf<'accept'>): Applied {
  const found = openProposal(state, seat, move.proposalId, move);
  if (!found.ok) return refusal(found);
  const proposal = found.value;
  if (proposal.to !== seat) return reject('proposal/not-addressed', 'Only the seat a proposal is addressed to can accept it.');
  proposal.status = 'accepted';
  proposal.updatedVersion = state.version + 1;
  // Negotiation comes before this round's decisions, so the obligations bind them already.
  const id = `a${state.nextId++}`;
  state.agreements.push({
    id,
    proposalId: proposal.id,
    parties: [proposal.from, proposal.to],
    commitments: proposal.commitments,
    fromRound: state.round,
    toRound: Math.min(scenario.rounds.length, state.round + proposal.rounds - 1),
  });
  return ok([{ type: 'agreement', id }]);
}

export function rejectProposal(state: GameState, seat: string, move: MoveOf<'reject'>): Applied {
  const found = openProposal(state, seat, move.proposalId, move);
  if (!found.ok) return refusal(found);
  if (found.value.to !== seat) return reject('proposal/not-addressed', 'Only the seat a proposal is addressed to can reject it.');
  found.value.status = 'rejected';
  found.value.updatedVersion = state.version + 1;
  return ok([{ type: 'proposal', id: found.value.id }]);
}

export function withdraw(state: GameState, seat: string, move: MoveOf<'withdraw'>): Applied {
  const found = openProposal(state, seat, move.proposalId, { version: Number.MAX_SAFE_INTEGER });
  if (!found.ok) return refusal(found);
  if (found.value.from !== seat) return reject('proposal/not-addressed', 'Only the seat that made a proposal can withdraw it.');
  found.value.status = 'withdrawn';
  found.value.updatedVersion = state.version + 1;
  return ok([{ type: 'proposal', id: found.value.id }]);
}

function checkDue(scenario: Scenario, state: GameState, dueRound: number): Result<true> {
  if (dueRound < state.round || dueRound > scenario.rounds.length) {
    return reject('due/invalid', `The due round must be between ${state.round} and ${scenario.rounds.length}.`, { min: state.round, max: scenario.rounds.length });
  }
  return ok(true);
}

/** "Unless you do X by round R, I will do Y": checked when round R resolves. */
export function threaten(scenario: Scenario, state: GameState, seat: string, move: MoveOf<'threaten'>): Applied {
  const checks = [
    otherSeat(state, seat, move.target),
    checkUse(scenario, move.demand, move.target),
    checkUse(scenario, move.consequence, seat),
    checkDue(scenario, state, move.dueRound),
  ];
  for (const check of checks) if (!check.ok) return refusal(check);
  const id = `t${state.nextId++}`;
  const threat: Threat = { id, by: seat, target: move.target, demand: move.demand, consequence: move.consequence, dueRound: move.dueRound, round: state.round, status: 'pending' };
  if (asksNothingNew(scenario, state, move.target, move.demand, move.dueRound)) threat.bound = true;
  state.threats.push(threat);
  return ok([{ type: 'threat', id }]);
}

/** "If you do X by round R, I will do Y": checked when round R resolves. */
export function promise(scenario: Scenario, state: GameState, seat: string, move: MoveOf<'promise'>): Applied {
  const checks = [
    otherSeat(state, seat, move.target),
    checkUse(scenario, move.condition, move.target),
    checkUse(scenario, move.reward, seat),
    checkDue(scenario, state, move.dueRound),
  ];
  for (const check of checks) if (!check.ok) return refusal(check);
  const id = `r${state.nextId++}`;
  state.promises.push({ id, by: seat, target: move.target, condition: move.condition, reward: move.reward, dueRound: move.dueRound, round: state.round, status: 'pending' });
  return ok([{ type: 'promise', id }]);
}
