import { BotPolicyId } from '../../shared/bots/policy.ts';
import { CardRelease } from '../../shared/protocol.ts';
import { Timers } from '../../shared/scenario/schema.ts';
import { Assignment, CreateSessionBody, DisplayName } from '../../shared/session.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Problem } from './move-drafts.ts';
import { MAX_TIMER_TEXT, TimerText } from './timer-length.ts';

/**
 * The "Run a class" form as data: what the instructor typed, turned into a session body
 * checked by the shared schema, or into one problem per field to show beside it.
 */

export const TIMER_PHASES = Timers.keyof().options;
export type TimerPhase = (typeof TIMER_PHASES)[number];

/** How the class is split into tables. */
export const SPLITS = ['seats', 'tables', 'perTable'] as const;
export type Split = (typeof SPLITS)[number];

export const ASSIGNMENTS = Assignment.options;
export const CARD_RELEASES = CardRelease.options;
export const BOT_POLICIES = BotPolicyId.options;

/** Everything as typed: number fields are raw text, so a bad entry can be named rather than lost. */
export type ClassDraft = {
  scenarioId: string;
  split: Split;
  count: string;
  assignment: string;
  /** Each phase's length as typed, m:ss; a phase left out keeps the scenario's own length, an emptied field is refused. */
  timers: Partial<Record<TimerPhase, string>>;
  cards: string;
  bots: boolean;
  policy: string;
};

export type DraftField = 'count' | 'assignment' | 'cards' | 'policy' | TimerPhase | 'form';
export type DraftProblems = Partial<Record<DraftField, Problem>>;

const tablesRange = CreateSessionBody.shape.tables.unwrap();
const perTableRange = CreateSessionBody.shape.studentsPerTable.unwrap();

/** The limits of the split's number, read from the shared schema so the form and the server agree. */
export function countRange(split: Exclude<Split, 'seats'>): { min: number; max: number } {
  const schema = split === 'tables' ? tablesRange : perTableRange;
  return { min: schema.minValue ?? 1, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

function countProblem(split: Exclude<Split, 'seats'>): Problem {
  const key: MessageKey = split === 'tables' ? 'class.tablesRange' : 'class.perTableRange';
  return { key, params: countRange(split) };
}

const timerProblem: Problem = { key: 'class.timerInvalid', params: { max: MAX_TIMER_TEXT } };

export type BuiltClass = { ok: true; body: CreateSessionBody } | { ok: false; problems: DraftProblems };

export function classBodyFrom(draft: ClassDraft): BuiltClass {
  const problems: DraftProblems = {};
  const raw: Record<string, unknown> = { scenarioId: draft.scenarioId, assignment: draft.assignment, cards: draft.cards };

  if (draft.split !== 'seats') {
    const text = draft.count.trim();
    if (!/^\d+$/.test(text)) problems.count = countProblem(draft.split);
    else raw[draft.split === 'tables' ? 'tables' : 'studentsPerTable'] = Number(text);
  }

  const timers: Record<string, number> = {};
  for (const phase of TIMER_PHASES) {
    const text = draft.timers[phase];
    if (text === undefined) continue;
    const parsed = TimerText.safeParse(text);
    if (parsed.success) timers[phase] = parsed.data;
    else problems[phase] = timerProblem;
  }
  if (Object.keys(timers).length > 0) raw.timers = timers;
  raw.bots = draft.bots ? draft.policy : null;

  const parsed = CreateSessionBody.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (problems[field] !== undefined) continue;
      problems[field] = field === 'count' && draft.split !== 'seats' ? countProblem(draft.split) : problemFor(field);
    }
  }
  if (Object.keys(problems).length > 0 || !parsed.success) {
    if (Object.keys(problems).length === 0) problems.form = { key: 'class.invalid' };
    return { ok: false, problems };
  }
  return { ok: true, body: parsed.data };
}

function fieldOf(path: readonly PropertyKey[]): DraftField {
  const [head, next] = path;
  if (head === 'tables' || head === 'studentsPerTable') return 'count';
  if (head === 'assignment' || head === 'cards') return head;
  if (head === 'bots') return 'policy';
  if (head === 'timers' && typeof next === 'string' && (TIMER_PHASES as readonly string[]).includes(next)) return next as TimerPhase;
  return 'form';
}

function problemFor(field: DraftField): Problem {
  switch (field) {
    case 'assignment':
      return { key: 'class.assignmentInvalid' };
    case 'cards':
      return { key: 'class.cardsInvalid' };
    case 'policy':
      return { key: 'class.policyInvalid' };
    case 'count':
    case 'form':
      return { key: 'class.invalid' };
    default:
      return timerProblem;
  }
}

/** Why a display name is refused, if it is. */
export function displayNameProblem(name: string): MessageKey | null {
  const parsed = DisplayName.safeParse(name);
  if (parsed.success) return null;
  return parsed.error.issues.some((issue) => issue.code === 'too_big') ? 'classJoin.nameTooLong' : 'classJoin.nameRequired';
}
