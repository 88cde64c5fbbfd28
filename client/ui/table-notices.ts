import type { GameState } from '../../shared/rules/state.ts';
import type { TabId } from './table-tabs.ts';

/**
 * What just reached this seat, read from two successive views: each item is one notice
 * on screen, one badge count on its section and one polite announcement.
 */
export type Notice =
  | { kind: 'proposal' | 'counter'; from: string; proposalId: string }
  | { kind: 'accepted' | 'rejected'; from: string; proposalId: string }
  | { kind: 'threat'; from: string; threatId: string }
  | { kind: 'promise'; from: string; promiseId: string }
  | { kind: 'chat'; from: string }
  | { kind: 'announcement' }
  /** The decision phase closed before this seat sealed: the decision section says what the table recorded. */
  | { kind: 'unsealed' };

export type NoticeKind = Notice['kind'];

/** The section where the student deals with each kind of news; the instructor's message has its own banner. */
export function tabOfNotice(notice: Notice): TabId | null {
  switch (notice.kind) {
    case 'proposal':
    case 'counter':
    case 'accepted':
    case 'rejected':
    case 'threat':
    case 'promise':
    case 'chat':
      return 'talks';
    case 'unsealed':
      return 'decision';
    case 'announcement':
      return null;
  }
}

/** The first view brings no news: what was there before the student arrived is not new to them. */
export function noticesBetween(before: GameState | null, after: GameState, seat: string | null): Notice[] {
  if (before === null || seat === null) return [];
  const notices: Notice[] = [];
  const known = new Map(before.proposals.map((p) => [p.id, p]));
  for (const p of after.proposals) {
    const old = known.get(p.id);
    if (old === undefined && p.to === seat) notices.push({ kind: p.parent === null ? 'proposal' : 'counter', from: p.from, proposalId: p.id });
    if (old !== undefined && p.from === seat && old.status === 'open' && (p.status === 'accepted' || p.status === 'rejected')) {
      notices.push({ kind: p.status, from: p.to, proposalId: p.id });
    }
  }
  const threats = new Set(before.threats.map((x) => x.id));
  for (const x of after.threats) if (!threats.has(x.id) && x.target === seat) notices.push({ kind: 'threat', from: x.by, threatId: x.id });
  const promises = new Set(before.promises.map((x) => x.id));
  for (const x of after.promises) if (!promises.has(x.id) && x.target === seat) notices.push({ kind: 'promise', from: x.by, promiseId: x.id });
  // Chat only grows; a shorter log is another game's, and nothing in it is news.
  if (after.chat.length > before.chat.length) {
    for (const line of after.chat.slice(before.chat.length)) if (line.to === seat && line.from !== seat) notices.push({ kind: 'chat', from: line.from });
  }
  if (before.phase === 'decision' && after.phase !== 'decision' && before.seats[seat]?.submitted === false) notices.push({ kind: 'unsealed' });
  return notices;
}

/** The notices on screen, oldest first, and how many arrived while the page was in the background. */
export type NoticeBoard = { shown: readonly Notice[]; whileAway: number };

export function boardStart(): NoticeBoard {
  return { shown: [], whileAway: 0 };
}

export function receive(board: NoticeBoard, notices: readonly Notice[], pageHidden: boolean): NoticeBoard {
  if (notices.length === 0) return board;
  return { shown: [...board.shown, ...notices], whileAway: board.whileAway + (pageHidden ? notices.length : 0) };
}

/** The student is back on the page: the title stops counting. */
export function pageShown(board: NoticeBoard): NoticeBoard {
  return board.whileAway === 0 ? board : { ...board, whileAway: 0 };
}

/** Opening a section reads its news; the instructor's message stays until dismissed. */
export function tabOpened(board: NoticeBoard, tab: TabId): NoticeBoard {
  const shown = board.shown.filter((n) => tabOfNotice(n) !== tab);
  return shown.length === board.shown.length ? board : { ...board, shown };
}

/** A new phase clears the notices of the last one, all but those this change brought. */
export function keepOnly(board: NoticeBoard, notices: readonly Notice[]): NoticeBoard {
  return { ...board, shown: board.shown.filter((n) => notices.includes(n)) };
}

export function dismissAll(board: NoticeBoard): NoticeBoard {
  return { ...board, shown: [] };
}

/** The page title while the page is in the background: how many things happened meanwhile. */
export function titleWithCount(base: string, count: number): string {
  return count > 0 ? `(${count}) ${base}` : base;
}
