import { z } from 'zod';
import { Costs, Indicators } from '../scenario/schema.ts';
import { Commitment, InstrumentUse } from './moves.ts';

import { Phase } from './phase.ts';

export { Phase, PHASES } from './phase.ts';

export const ProposalStatus = z.enum(['open', 'accepted', 'rejected', 'withdrawn', 'countered', 'lapsed']);

export const Proposal = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  commitments: z.array(Commitment),
  rounds: z.number().int(),
  status: ProposalStatus,
  /** The proposal this one counters, if any. */
  parent: z.string().nullable(),
  round: z.number().int(),
  /** State version at which it was made or last changed; older accepts are stale. */
  updatedVersion: z.number().int(),
});
export type Proposal = z.infer<typeof Proposal>;

export const Agreement = z.object({
  id: z.string(),
  proposalId: z.string(),
  parties: z.array(z.string()),
  commitments: z.array(Commitment),
  /** First and last round whose decisions the obligations bind. */
  fromRound: z.number().int(),
  toRound: z.number().int(),
});
export type Agreement = z.infer<typeof Agreement>;

export const Threat = z.object({
  id: z.string(),
  by: z.string(),
  target: z.string(),
  demand: InstrumentUse,
  consequence: InstrumentUse,
  dueRound: z.number().int(),
  round: z.number().int(),
  status: z.enum(['pending', 'complied', 'carried_out', 'not_carried_out']),
  /** Its demand was already bound by an agreement in force when it was made: complying earns it nothing. */
  bound: z.literal(true).optional(),
});
export type Threat = z.infer<typeof Threat>;

export const PromiseMade = z.object({
  id: z.string(),
  by: z.string(),
  target: z.string(),
  condition: InstrumentUse,
  reward: InstrumentUse,
  dueRound: z.number().int(),
  round: z.number().int(),
  status: z.enum(['pending', 'kept', 'broken', 'lapsed']),
});
export type PromiseMade = z.infer<typeof PromiseMade>;

export const ChatMessage = z.object({
  from: z.string(),
  to: z.string(),
  text: z.string(),
  round: z.number().int(),
  version: z.number().int(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const SeatState = z.object({
  indicators: Indicators,
  /** Implementation capacity this round (aid raises it). */
  capacity: z.number(),
  /** Last levels decided: the starting point of the next decision. */
  policy: z.record(z.string(), z.number()),
  /** Sealed until resolution: only the owner sees it. */
  decision: z.record(z.string(), z.number()).nullable(),
  /** Whether a decision is in: everyone may know that much. */
  submitted: z.boolean(),
  ready: z.boolean(),
  /** Drawn from the seed at the start; only the owner sees it. */
  hidden: z.record(z.string(), z.number()),
  costs: Costs,
  score: z.number(),
});
export type SeatState = z.infer<typeof SeatState>;

export const FlowOutcome = z.object({
  flow: z.string(),
  setOut: z.number(),
  diverted: z.number(),
  interdicted: z.number(),
  arrived: z.number(),
});
export type FlowOutcome = z.infer<typeof FlowOutcome>;

export const ComplianceOutcome = z.object({
  agreementId: z.string(),
  seat: z.string(),
  instrument: z.string(),
  committed: z.number(),
  actual: z.number(),
  /** 1 = fully kept, 0 = not at all. */
  ratio: z.number(),
  /** Why it fell short: the seat's own choice, or its capacity. */
  limitedBy: z.enum(['none', 'choice', 'capacity']),
});
export type ComplianceOutcome = z.infer<typeof ComplianceOutcome>;

export const SeatRoundOutcome = z.object({
  levels: z.record(z.string(), z.number()),
  costs: Costs,
  indicators: Indicators,
  score: z.number(),
});
export type SeatRoundOutcome = z.infer<typeof SeatRoundOutcome>;

export const RoundResult = z.object({
  round: z.number().int(),
  events: z.array(z.string()),
  flows: z.array(FlowOutcome),
  setOut: z.number(),
  diverted: z.number(),
  interdicted: z.number(),
  arrivals: z.number(),
  returned: z.number(),
  stranded: z.number(),
  /** People each transit seat stopped, and returns each received, in route order. */
  interdictedBy: z.record(z.string(), z.number()),
  returnedTo: z.record(z.string(), z.number()),
  salience: z.number(),
  seats: z.record(z.string(), SeatRoundOutcome),
  compliance: z.array(ComplianceOutcome),
  threats: z.array(z.object({ id: z.string(), status: Threat.shape.status })),
  promises: z.array(z.object({ id: z.string(), status: PromiseMade.shape.status })),
});
export type RoundResult = z.infer<typeof RoundResult>;

export const GameState = z.object({
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  seed: z.number().int(),
  /** The PRNG's state: all randomness comes from here, so moves stay pure. */
  rng: z.number().int(),
  /** Bumped by every accepted move and every phase change. */
  version: z.number().int(),
  round: z.number().int(),
  phase: Phase,
  /** Version at which the current phase began. */
  phaseVersion: z.number().int(),
  salience: z.number(),
  /** Events revealed this round. */
  events: z.array(z.string()),
  seats: z.record(z.string(), SeatState),
  proposals: z.array(Proposal),
  agreements: z.array(Agreement),
  threats: z.array(Threat),
  promises: z.array(PromiseMade),
  chat: z.array(ChatMessage),
  history: z.array(RoundResult),
  nextId: z.number().int(),
});
export type GameState = z.infer<typeof GameState>;
