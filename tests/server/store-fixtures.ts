import type { RecordEntry } from '../../shared/record.ts';
import type { FrameworkCard } from '../../shared/scoring/card.ts';
import { CreateSessionBody } from '../../shared/session.ts';
import type { GameMeta, SessionMeta, StoredStudent } from '../../server/store/store.ts';

// What the store suites write: games, entries, cards, sessions and students with every
// field set, and text a class really types.

export const CREATED = 1_767_225_600_000;

export function meta(gameId: string, overrides: Partial<GameMeta> = {}): GameMeta {
  return {
    gameId,
    scenarioId: 'us-mexico-2019',
    scenarioVersion: 3,
    seed: 2 ** 31 - 1,
    createdAt: CREATED,
    timers: { negotiation: 240, decision: 90 },
    cards: 'round',
    ...overrides,
  };
}

export function ready(seq: number, at = CREATED + seq): RecordEntry {
  return { kind: 'move', seq, at, actor: { kind: 'student', memberId: null, name: 'Ana' }, seat: seq % 2 === 0 ? 'mx' : 'us', move: { type: 'ready', version: seq - 1 } };
}

export function chat(seq: number, text: string): RecordEntry {
  return { kind: 'move', seq, at: CREATED + seq, actor: { kind: 'student', memberId: 'st-1', name: text.slice(0, 40) }, seat: 'us', move: { type: 'chat', version: seq, to: 'mx', text } };
}

export function card(seq: number, score: number): FrameworkCard {
  return {
    seq,
    seat: 'mx',
    round: 1,
    move: { type: 'decide', version: 7, levels: { mx_enforcement: 6000, mx_returns: 0 } },
    classification: { instrument: 'cooperative', aim: null, leverage: ['flows', 'returns'], bargaining: 'positive-sum' },
    ledger: { costs: { political: 4, reputational: 0, implementation: 12.5 }, concessions: 3, harmsAverted: 40 },
    evaluation: {
      score,
      label: 'good',
      expected: 61.5,
      best: 64,
      baseline: 50,
      bestAlternative: { kind: 'move', move: { type: 'ready', version: 7 } },
      alternatives: 9,
      horizon: 2,
    },
    case: 'mexico-2019-tariff-deal',
    flags: ['over-capacity'],
    explanation: [
      { key: 'card.aim.defensive', params: { instrument: 'mx_enforcement', amount: 6000 } },
      { key: 'card.ledger.averted', params: { amount: 40 } },
    ],
  };
}

export function session(sessionId: string, code: string, createdAt = CREATED): SessionMeta {
  const config = CreateSessionBody.parse({ scenarioId: 'us-mexico-2019', tables: 3, timers: { negotiation: 300 }, cards: 'end', bots: null });
  return { sessionId, code, secretHash: `secret-of-${sessionId}`, config, createdAt };
}

export function student(sessionId: string, studentId: string, name: string, joinedAt = CREATED): StoredStudent {
  return { sessionId, studentId, name, tokenHash: `token-of-${sessionId}-${studentId}`, table: null, seat: null, joinedAt };
}

/** Names and text a class really types: accents, scripts, emoji, quotes of every kind, SQL-looking input. */
export const AWKWARD = [
  `O'Brien "Ñandú" \\ 'quoted' ''doubled''`,
  'Zoë Ångström — naïve café',
  'Nguyễn Thị Minh Khai · 李小龍 · Сергей · مريم · עברית',
  '🇲🇽🇺🇸 👩🏽‍🏫 🦜',
  "Robert'); DROP TABLE games;--",
  '$1 $$dollar$$ %s {json} [arr] `tick`',
];
