import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameStore } from '../../server/store/store.ts';
import { AWKWARD, CREATED, meta, session, student } from './store-fixtures.ts';
import { storeEngines } from './store-engines.ts';
import type { StorePlace } from './store-engines.ts';

// Class sessions and their students in every engine: what passes on SQLite must pass on PostgreSQL.
describe.each(storeEngines('store suite (class sessions)'))('the $name store, class sessions', (engine) => {
  let place: StorePlace;
  let store: GameStore;

  beforeEach(async () => {
    place = await engine.place();
    store = await place.open();
  });

  afterEach(async () => {
    await store.close();
    await place.remove();
  });

  it('a class session loads back by id and by its join code while it is live', async () => {
    await store.createSession(session('s-1', 'ACD347'));
    const stored = { ...session('s-1', 'ACD347'), phase: 'lobby', announcement: null };
    expect(await store.loadSession('s-1')).toEqual(stored);
    expect(await store.findLiveSession('ACD347')).toEqual(stored);
    expect(await store.loadSession('nope')).toBeNull();
    expect(await store.findLiveSession('XXXXXX')).toBeNull();

    await store.setSessionPhase('s-1', 'running');
    await store.setAnnouncement('s-1', AWKWARD[0] ?? '');
    expect(await store.findLiveSession('ACD347')).toMatchObject({ phase: 'running', announcement: AWKWARD[0] });
    await store.setAnnouncement('s-1', null);
    await store.setSessionPhase('s-1', 'ended');
    expect(await store.loadSession('s-1')).toMatchObject({ phase: 'ended', announcement: null });
    expect(await store.findLiveSession('ACD347')).toBeNull();
  });

  it('a join code answers to one live session at a time, and is free again once that one has ended', async () => {
    await store.createSession(session('s-1', 'ACD347'));
    await expect(store.createSession(session('s-2', 'ACD347'))).rejects.toThrow();
    await store.setSessionPhase('s-1', 'ended');
    await store.createSession(session('s-2', 'ACD347'));
    expect((await store.findLiveSession('ACD347'))?.sessionId).toBe('s-2');
  });

  it('every session a join code has named is found by it, ended ones too, newest first', async () => {
    await store.createSession(session('s-old', 'ACD347', CREATED));
    await store.setSessionPhase('s-old', 'ended');
    await store.createSession(session('s-new', 'ACD347', CREATED + 10));
    await store.createSession(session('s-other', 'CDE467', CREATED + 20));
    expect((await store.findSessionsByCode('ACD347')).map((s) => [s.sessionId, s.phase])).toEqual([
      ['s-new', 'lobby'],
      ['s-old', 'ended'],
    ]);
    expect(await store.findSessionsByCode('XXXXXX')).toEqual([]);
  });

  it('live sessions are listed oldest first; ended ones are not', async () => {
    await store.createSession(session('s-late', 'AAAAAA', CREATED + 20));
    await store.createSession(session('s-early', 'CCCCCC', CREATED));
    await store.createSession(session('s-ended', 'DDDDDD', CREATED + 10));
    await store.setSessionPhase('s-ended', 'ended');
    await store.setSessionPhase('s-late', 'running');
    expect(await store.listLiveSessions()).toEqual(['s-early', 's-late']);
  });

  it('students join in order, a name is taken once per session whatever its case, and a student is seated and moved', async () => {
    await store.createSession(session('s-1', 'ACD347'));
    await store.createSession(session('s-2', 'CDE467'));
    await store.addStudent(student('s-1', 'st-2', 'Zoë', CREATED + 1));
    await store.addStudent(student('s-1', 'st-1', AWKWARD[2] ?? 'Ana', CREATED + 1));
    await store.addStudent(student('s-1', 'st-0', 'Ana', CREATED));
    await expect(store.addStudent(student('s-1', 'st-3', 'ANA', CREATED + 2))).rejects.toThrow();
    await expect(store.addStudent(student('s-1', 'st-4', 'ZOË', CREATED + 2))).rejects.toThrow();
    // Another class may have its own Ana.
    await store.addStudent(student('s-2', 'st-0', 'Ana', CREATED));

    await store.seatStudent('s-1', 'st-1', '2', 'mx');
    await store.seatStudent('s-1', 'st-2', '1', 'us');
    await store.seatStudent('s-1', 'st-2', null, null);
    expect(await store.loadStudents('s-1')).toEqual([
      { ...student('s-1', 'st-0', 'Ana', CREATED), schoolId: null },
      { ...student('s-1', 'st-1', AWKWARD[2] ?? 'Ana', CREATED + 1), table: '2', seat: 'mx', schoolId: null },
      { ...student('s-1', 'st-2', 'Zoë', CREATED + 1), schoolId: null },
    ]);
    expect(await store.loadStudents('s-2')).toEqual([{ ...student('s-2', 'st-0', 'Ana', CREATED), schoolId: null }]);
  });

  it("a student's school id is set, kept exactly and cleared, for that student of that session only", async () => {
    await store.createSession(session('s-1', 'ACD347'));
    await store.addStudent(student('s-1', 'st-0', 'Ana'));
    await store.addStudent(student('s-1', 'st-1', 'Luis'));
    await store.setSchoolId('s-1', 'st-0', AWKWARD[3] ?? 'S-1');
    expect((await store.loadStudents('s-1')).map((s) => s.schoolId)).toEqual([AWKWARD[3] ?? 'S-1', null]);
    await store.setSchoolId('s-1', 'st-0', null);
    expect((await store.loadStudents('s-1')).map((s) => s.schoolId)).toEqual([null, null]);
  });

  it('a student token is one student\'s, and a student of no session is refused', async () => {
    await store.createSession(session('s-1', 'ACD347'));
    await store.addStudent(student('s-1', 'st-0', 'Ana'));
    await expect(store.addStudent({ ...student('s-1', 'st-1', 'Luis'), tokenHash: student('s-1', 'st-0', 'Ana').tokenHash })).rejects.toThrow();
    await expect(store.addStudent(student('ghost', 'st-0', 'Ana'))).rejects.toThrow();
    expect(await store.loadStudents('s-1')).toHaveLength(1);
  });

  it('a session\'s tables are its games, in the order they were made, with whether each has finished', async () => {
    await store.createSession(session('s-1', 'ACD347'));
    await store.createGame(meta('g-t2', { createdAt: CREATED + 1, session: { sessionId: 's-1', table: '2' } }));
    await store.createGame(meta('g-t1', { createdAt: CREATED, session: { sessionId: 's-1', table: '1' } }));
    await store.createGame(meta('g-alone', { createdAt: CREATED }));
    await store.markFinished('g-t2');
    expect(await store.loadSessionTables('s-1')).toEqual([
      { table: '1', gameId: 'g-t1', finished: false },
      { table: '2', gameId: 'g-t2', finished: true },
    ]);
    expect((await store.loadGame('g-t1'))?.session).toEqual({ sessionId: 's-1', table: '1' });
    expect((await store.loadGame('g-alone'))?.session).toBeNull();
    expect(await store.loadSessionTables('nope')).toEqual([]);
  });

});
