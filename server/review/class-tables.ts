import type { Logger } from 'pino';
import type { BotPolicyId } from '../../shared/bots/policy.ts';
import type { ExportStudent, ExportTable } from '../../shared/review/exports.ts';
import type { GameState } from '../../shared/rules/state.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { completeCards } from '../scoring/record-decisions.ts';
import { endOf, type ReplayCache } from '../http/replay-cache.ts';
import { botName } from '../rooms/seating.ts';
import type { Scorer } from '../scoring/scorer.ts';
import type { GameStore, StoredStudent } from '../store/store.ts';

/** One table of a class as the comparison and the exports read it: its record replayed once, its cards, who sat where. */
export type ClassTableData = ExportTable & { finished: boolean; state: GameState; bots: Record<string, BotPolicyId>; holders: Record<string, string[]> };

export type ClassTableDeps = { store: GameStore; scorer: Scorer; log: Logger; replays: ReplayCache };

/**
 * Every table of a session, in table order. A finished table's cards are completed (a
 * decision the server never scored is scored now); a table still in play shows the cards
 * scored so far, as scoring them here would race its room.
 */
export async function loadClassTables(deps: ClassTableDeps, scenario: Scenario, sessionId: string): Promise<ClassTableData[]> {
  const { store } = deps;
  const students = await store.loadStudents(sessionId);
  const tables = (await store.loadSessionTables(sessionId)).sort((a, b) => a.table.localeCompare(b.table, 'en', { numeric: true }));
  const loaded: ClassTableData[] = [];
  for (const t of tables) {
    const record = await store.loadRecord(t.gameId);
    if (record === null) continue;
    const state = endOf(deps.replays, scenario, record);
    const finished = t.finished || state.phase === 'ended';
    const cards = finished ? await completeCards(deps.scorer, store, scenario, record, deps.log.child({ gameId: t.gameId })) : await store.loadCards(t.gameId);
    const bots = await store.loadSeatBots(t.gameId);
    loaded.push({ table: t.table, gameId: t.gameId, record, cards, whatIf: null, holders: holdersAt(scenario, students, t.table, bots), finished, state, bots });
  }
  return loaded;
}

/** Students' names per seat (in join order), then the seat's bot if one plays it. */
function holdersAt(scenario: Scenario, students: readonly StoredStudent[], table: string, bots: Record<string, BotPolicyId>): Record<string, string[]> {
  return Object.fromEntries(
    scenario.seats.map((seat) => {
      const names = students.filter((s) => s.table === table && s.seat === seat.id).map((s) => s.name);
      const bot = bots[seat.id];
      return [seat.id, bot === undefined ? names : [...names, botName(bot)]];
    }),
  );
}

/**
 * The what-ifs forked from a class's tables (and from those forks), each marked with the
 * table it came from. A what-if still in play shows the cards scored so far.
 */
export async function loadWhatIfs(deps: ClassTableDeps, scenario: Scenario, tables: readonly ExportTable[]): Promise<ExportTable[]> {
  const { store } = deps;
  const found: ExportTable[] = [];
  const pending = tables.map((t) => ({ gameId: t.gameId, table: t.table }));
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    for (const fork of await store.listForks(next.gameId)) {
      const record = await store.loadRecord(fork.gameId);
      if (record === null) continue;
      const cards = fork.finished ? await completeCards(deps.scorer, store, scenario, record, deps.log.child({ gameId: fork.gameId })) : await store.loadCards(fork.gameId);
      found.push({ table: next.table, gameId: fork.gameId, record, cards, whatIf: { table: next.table, step: fork.step } });
      pending.push({ gameId: fork.gameId, table: next.table });
    }
  }
  return found;
}

/** The class's roster as the exports read it. */
export async function loadRoster(store: GameStore, sessionId: string): Promise<ExportStudent[]> {
  return (await store.loadStudents(sessionId)).map((s) => ({ memberId: s.studentId, name: s.name, schoolId: s.schoolId, table: s.table, seat: s.seat }));
}
