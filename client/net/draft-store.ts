import { z } from 'zod';
import { CHAT_MAX } from '../../shared/rules/moves.ts';

/**
 * What a student has typed but not sent: the chat line, the proposal and pledge being
 * built, the unsealed decision. Kept in this browser per game and seat, so a reload or a
 * rejoin finds every field as it was left. An empty number field is kept as null.
 * Read back through zod part by part: a corrupt or foreign part is dropped, the rest kept.
 */
const Id = z.string().max(80);
const Amount = z.number().finite().nullable();
const Use = z.object({ instrument: Id, amount: Amount });

/** A textarea may hold more than a message allows (the form says so); storage keeps a bounded amount. */
export const ChatDraft = z.object({ to: Id, text: z.string().max(CHAT_MAX * 4) });
export const ProposalFormDraft = z.object({
  to: Id,
  rounds: Amount,
  counterOf: Id.nullable(),
  rows: z.array(z.object({ seat: Id, instrument: Id, include: z.boolean(), amount: Amount })).max(100),
});
export const PledgeFormDraft = z.object({ kind: z.enum(['threat', 'promise']), target: Id, ask: Use, answer: Use, dueRound: Amount });
/** Levels belong to one round's decision: a draft from an earlier round is not this one's. */
export const DecisionDraft = z.object({ round: z.number().int(), levels: z.record(Id, Amount) });

const PARTS = { chat: ChatDraft, proposal: ProposalFormDraft, pledge: PledgeFormDraft, decision: DecisionDraft } as const;

export const TableDrafts = z.object({
  chat: ChatDraft.optional(),
  proposal: ProposalFormDraft.optional(),
  pledge: PledgeFormDraft.optional(),
  decision: DecisionDraft.optional(),
});
export type TableDrafts = z.infer<typeof TableDrafts>;
export type DraftPart = keyof TableDrafts;

/** The part of the Web Storage API used here, so a test can hand in a storage of its own. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type DraftStore = {
  read(): TableDrafts;
  write<K extends DraftPart>(part: K, value: TableDrafts[K] | undefined): void;
};

export const draftKey = (gameId: string, seat: string): string => `border-bargain:drafts:${gameId}:${seat}`;

/** A number field's value as stored: NaN (an empty or half-typed field) is null. */
export const storedAmount = (value: number): number | null => (Number.isFinite(value) ? value : null);
/** And back: null is an empty field. */
export const fieldValue = (amount: number | null): string => (amount === null ? '' : String(amount));

function parseDrafts(raw: string | null | undefined): TableDrafts {
  if (!raw) return {};
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const drafts: Record<string, unknown> = {};
  for (const [part, schema] of Object.entries(PARTS)) {
    const parsed = schema.safeParse((json as Record<string, unknown>)[part]);
    if (parsed.success) drafts[part] = parsed.data;
  }
  return TableDrafts.parse(drafts);
}

export function draftStore(storage: DraftStorage | null, gameId: string, seat: string): DraftStore {
  const key = draftKey(gameId, seat);
  const read = (): TableDrafts => {
    try {
      return parseDrafts(storage?.getItem(key));
    } catch {
      // Storage blocked: nothing to restore.
      return {};
    }
  };
  return {
    read,
    write(part, value) {
      const next: TableDrafts = { ...read(), [part]: value };
      if (value === undefined) delete next[part];
      try {
        if (Object.keys(next).length === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or blocked: the form still works, it just will not survive a reload.
      }
    },
  };
}

/** The browser's own storage, where there is one. */
export function browserStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
