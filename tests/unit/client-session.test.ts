import { describe, expect, test } from 'vitest';
import { forgetStudent, rememberSecret, rememberStudent, secretFor, studentByCode, type StudentIdentity } from '../../client/net/session-store.ts';
import { moveTargets, rosterCounts } from '../../client/panels/roster.ts';
import { addressOf, cleanCode, codeFrom, codeProblem, placeOf, secretFromHash, type Place } from '../../client/ui/address.ts';
import { classBodyFrom, displayNameProblem, type ClassDraft } from '../../client/ui/class-form.ts';

/** An in-memory Storage, like the browser's. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

function brokenStorage(): Storage {
  const fail = (): never => {
    throw new Error('storage is blocked');
  };
  return { length: 0, key: fail, getItem: fail, setItem: fail, removeItem: fail, clear: fail };
}

const draft = (changes: Partial<ClassDraft> = {}): ClassDraft => ({
  scenarioId: 'us-mexico-2019',
  split: 'tables',
  count: '2',
  assignment: 'auto',
  timers: {},
  cards: 'immediate',
  bots: true,
  policy: 'dealmaker',
  ...changes,
});

describe('page addresses', () => {
  test.each<[string, string, Place]>([
    ['', '', { kind: 'landing' }],
    ['?game=abc_DEF-1', '', { kind: 'game', gameId: 'abc_DEF-1' }],
    ['?game=<script>', '', { kind: 'landing' }],
    ['?code=ac3-d4e', '', { kind: 'class', code: 'AC3D4E' }],
    ['?code=', '', { kind: 'class', code: '' }],
    ['?session=S1', '#secret=top-secret', { kind: 'instructor', sessionId: 'S1', secret: 'top-secret' }],
    ['?session=S1', '', { kind: 'instructor', sessionId: 'S1', secret: null }],
    ['?session=S1&watch=G7', '#secret=k', { kind: 'watch', sessionId: 'S1', gameId: 'G7', secret: 'k' }],
  ])('%s%s opens %o', (search, hash, place) => {
    expect(placeOf(search, hash)).toEqual(place);
  });

  test('an address never carries the instructor secret, and reads back as the same page', () => {
    const places: Place[] = [
      { kind: 'instructor', sessionId: 'S1', secret: 'top-secret' },
      { kind: 'watch', sessionId: 'S1', gameId: 'G7', secret: 'top-secret' },
      { kind: 'class', code: 'AC3D4E' },
      { kind: 'game', gameId: 'G7' },
      { kind: 'landing' },
    ];
    for (const place of places) {
      const address = addressOf(place);
      expect(address).not.toContain('top-secret');
      const url = new URL(address, 'http://localhost');
      expect(placeOf(url.search, url.hash)).toEqual('secret' in place ? { ...place, secret: null } : place);
    }
  });

  test('the secret is read from the fragment only', () => {
    expect(secretFromHash('#secret=abc')).toBe('abc');
    expect(secretFromHash('secret=abc&x=1')).toBe('abc');
    expect(secretFromHash('#other=abc')).toBeNull();
    expect(secretFromHash('#secret=')).toBeNull();
    expect(placeOf('?session=S1&secret=leaked', '')).toEqual({ kind: 'instructor', sessionId: 'S1', secret: null });
  });
});

describe('join codes as typed', () => {
  test.each([
    ['ac3d4e', 'AC3D4E'],
    [' AC3 D4E ', 'AC3D4E'],
    ['ac3-d4e', 'AC3D4E'],
    ['http://localhost:2567/?code=ac3d4e', 'AC3D4E'],
    ['/?code=AC3D4E', 'AC3D4E'],
  ])('%s reads as %s', (typed, code) => {
    expect(codeFrom(typed)).toBe(code);
  });

  test.each(['', 'AC3D4', 'AC3D4EF', 'AC0D4E', 'OOOOOO', 'http://localhost/?game=AC3D4E', 'abc12345xyz'])('%s is not a class code', (typed) => {
    expect(codeFrom(typed)).toBeNull();
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ac3', 'length'],
    ['AC3D4E7', 'length'],
    ['AC3D4O', 'letters'],
    ['AB1', 'letters'],
    ['ac3d4e', null],
  ])('%j: problem %s', (typed, problem) => {
    expect(codeProblem(typed)).toBe(problem);
  });

  test('cleaning keeps letters it does not know, so the student is told which', () => {
    expect(cleanCode('ab-1 z')).toBe('AB1Z');
  });
});

describe('display names', () => {
  test.each([
    ['Ana', null],
    ['<b>Eve</b>', null],
    ['   ', 'classJoin.nameRequired'],
    ['', 'classJoin.nameRequired'],
    ['x'.repeat(41), 'classJoin.nameTooLong'],
    [` ${'x'.repeat(40)} `, null],
  ])('%j → %s', (name, problem) => {
    expect(displayNameProblem(name)).toBe(problem);
  });
});

describe('the "Run a class" form', () => {
  test('two tables with bots and two timers become a session body', () => {
    const built = classBodyFrom(draft({ timers: { negotiation: '2', decision: '1:30' } }));
    expect(built).toEqual({
      ok: true,
      body: { scenarioId: 'us-mexico-2019', tables: 2, assignment: 'auto', cards: 'immediate', bots: 'dealmaker', timers: { negotiation: 120, decision: 90 } },
    });
  });

  test('students per table, students choosing, cards at the end, no bots', () => {
    const built = classBodyFrom(draft({ split: 'perTable', count: '4', assignment: 'choose', cards: 'end', bots: false }));
    expect(built).toEqual({ ok: true, body: { scenarioId: 'us-mexico-2019', studentsPerTable: 4, assignment: 'choose', cards: 'end', bots: null } });
  });

  test('one student per seat sends no count at all, whatever is in the box', () => {
    const built = classBodyFrom(draft({ split: 'seats', count: 'nonsense' }));
    expect(built.ok && built.body).toMatchObject({ scenarioId: 'us-mexico-2019' });
    expect(built.ok && ('tables' in built.body || 'studentsPerTable' in built.body)).toBe(false);
  });

  test.each([
    ['tables', 'abc', 'class.tablesRange'],
    ['tables', '0', 'class.tablesRange'],
    ['tables', '101', 'class.tablesRange'],
    ['tables', '2.5', 'class.tablesRange'],
    ['tables', '', 'class.tablesRange'],
    ['perTable', '21', 'class.perTableRange'],
    ['perTable', '-3', 'class.perTableRange'],
  ] as const)('%s = %j is refused beside the count', (split, count, key) => {
    const built = classBodyFrom(draft({ split, count }));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.count?.key).toBe(key);
  });

  test('the count limits come from the shared schema', () => {
    const built = classBodyFrom(draft({ count: '0' }));
    expect(!built.ok && built.problems.count?.params).toEqual({ min: 1, max: 100 });
  });

  test.each(['0', '0:00', '-3', '-1:30', 'abc', '1:75', '1.5', '1,5', '1e3', '601', '600:01', '2 min', '', ' '])('a timer typed %j is refused beside that phase, with the longest allowed', (typed) => {
    const built = classBodyFrom(draft({ timers: { negotiation: typed, decision: '3:00' } }));
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.problems.negotiation).toEqual({ key: 'class.timerInvalid', params: { max: '600:00' } });
      expect(built.problems.decision).toBeUndefined();
    }
  });

  test('every bad field is named at once', () => {
    const built = classBodyFrom(draft({ count: 'x', assignment: 'lottery', cards: 'never', policy: 'chaos', timers: { debrief: '0' } }));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(Object.keys(built.problems).sort()).toEqual(['assignment', 'cards', 'count', 'debrief', 'policy']);
  });

  test('a bot policy is not checked when bots are off', () => {
    expect(classBodyFrom(draft({ bots: false, policy: 'chaos' })).ok).toBe(true);
  });

});

describe('what the browser keeps', () => {
  const eve: StudentIdentity = { sessionId: 'S1', studentId: 'st1', studentToken: 'tok', name: '<b>Eve</b>', code: 'AC3D4E' };

  test('a student who joined is found again by the code, and forgotten on request', () => {
    const store = memoryStorage();
    store.setItem('border-bargain:locale', 'es');
    store.setItem('border-bargain:student:S0', '{not json');
    rememberStudent(eve, store);
    rememberStudent({ ...eve, sessionId: 'S2', code: 'KMNPQR', studentToken: 'other' }, store);
    expect(studentByCode('AC3D4E', store)).toEqual(eve);
    expect(studentByCode('KMNPQR', store)?.studentToken).toBe('other');
    expect(studentByCode('XXXXXX', store)).toBeNull();
    forgetStudent('S1', store);
    expect(studentByCode('AC3D4E', store)).toBeNull();
  });

  test('blocked or missing storage is no identity, never an exception', () => {
    expect(() => rememberStudent(eve, brokenStorage())).not.toThrow();
    expect(studentByCode('AC3D4E', brokenStorage())).toBeNull();
    expect(studentByCode('AC3D4E', undefined)).toBeNull();
    expect(secretFor('S1', [brokenStorage(), undefined])).toBeNull();
  });

  test("the instructor's secret is kept per tab and per browser, the tab's copy first", () => {
    const tab = memoryStorage();
    const browser = memoryStorage();
    rememberSecret('S1', 'secret-1', [tab, browser]);
    expect(secretFor('S1', [tab, browser])).toBe('secret-1');
    expect(secretFor('S1', [memoryStorage(), browser])).toBe('secret-1');
    tab.setItem('border-bargain:instructor:S1', 'newer');
    expect(secretFor('S1', [tab, browser])).toBe('newer');
    expect(secretFor('S2', [tab, browser])).toBeNull();
  });
});

test('the roster counts who is connected', () => {
  const entry = (connected: boolean) => ({ studentId: 'x', name: 'x', table: null, seat: null, connected });
  expect(rosterCounts([entry(true), entry(false), entry(true)])).toEqual({ connected: 2, total: 3 });
  expect(rosterCounts([])).toEqual({ connected: 0, total: 0 });
});

describe('where a student can be moved', () => {
  const entry = (table: string | null) => ({ studentId: 'x', name: 'x', table, seat: null, connected: true });
  const summary = (table: string) => ({ table, gameId: `g${table}`, round: 1, phase: 'briefing', paused: false, deadline: null, seats: {}, indicators: {}, scores: {}, events: [], waitingOn: [], lastActive: {}, latest: [] });

  test('before the start: enough tables for the class so far, and one more', () => {
    expect(moveTargets({ phase: 'lobby', roster: [], tables: [] }, 2)).toEqual([{ table: '1', fresh: false }]);
    const five = [entry(null), entry(null), entry(null), entry(null), entry(null)];
    expect(moveTargets({ phase: 'lobby', roster: five, tables: [] }, 2).map((x) => x.table)).toEqual(['1', '2', '3', '4']);
    expect(moveTargets({ phase: 'lobby', roster: [entry('6')], tables: [] }, 2).map((x) => x.table)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  test('once running: the tables that exist, and a new one', () => {
    expect(moveTargets({ phase: 'running', roster: [entry('1')], tables: [summary('1'), summary('2')] }, 2)).toEqual([
      { table: '1', fresh: false },
      { table: '2', fresh: false },
      { table: '3', fresh: true },
    ]);
  });
});
