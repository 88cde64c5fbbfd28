import { z } from 'zod';

const Id = z.string().min(1).max(40);
export const SeatId = Id;

/** One side's commitment on one instrument: a floor or a ceiling, per the instrument's `commit`. */
export const Commitment = z.object({
  seat: SeatId,
  instrument: Id,
  amount: z.number().finite(),
});
export type Commitment = z.infer<typeof Commitment>;

/** An instrument used at a level: what a threat carries out or a promise rewards with. */
export const InstrumentUse = z.object({
  instrument: Id,
  amount: z.number().finite(),
});
export type InstrumentUse = z.infer<typeof InstrumentUse>;

export const CHAT_MAX = 500;
export const MAX_COMMITMENTS = 12;
export const MAX_AGREEMENT_ROUNDS = 12;

const Version = z.number().int().min(0);
const Bundle = z.array(Commitment).min(1).max(MAX_COMMITMENTS);
const Duration = z.number().int().min(1).max(MAX_AGREEMENT_ROUNDS);

/**
 * Every move a seat can make. `version` is the state version the player saw when
 * deciding: a move on a proposal or a phase that changed since then is refused as stale.
 */
export const Move = z.discriminatedUnion('type', [
  z.object({ type: z.literal('propose'), version: Version, to: SeatId, commitments: Bundle, rounds: Duration }),
  z.object({ type: z.literal('counter'), version: Version, proposalId: Id, commitments: Bundle, rounds: Duration }),
  z.object({ type: z.literal('accept'), version: Version, proposalId: Id }),
  z.object({ type: z.literal('reject'), version: Version, proposalId: Id }),
  z.object({ type: z.literal('withdraw'), version: Version, proposalId: Id }),
  z.object({
    type: z.literal('threaten'),
    version: Version,
    target: SeatId,
    demand: InstrumentUse,
    consequence: InstrumentUse,
    dueRound: z.number().int().min(1),
  }),
  z.object({
    type: z.literal('promise'),
    version: Version,
    target: SeatId,
    condition: InstrumentUse,
    reward: InstrumentUse,
    dueRound: z.number().int().min(1),
  }),
  z.object({ type: z.literal('chat'), version: Version, to: SeatId, text: z.string().max(CHAT_MAX * 4) }),
  z.object({ type: z.literal('decide'), version: Version, levels: z.record(Id, z.number().finite()) }),
  z.object({ type: z.literal('ready'), version: Version }),
]);
export type Move = z.infer<typeof Move>;
export type MoveType = Move['type'];
