import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Client, type Room } from '@colyseus/sdk';
import { pino } from 'pino';
import { BOT_POLICIES, type BotPolicyId } from '../../shared/bots/policy.ts';
import { PlayerView } from '../../shared/protocol.ts';
import { nextRandom, seedRng } from '../../shared/rules/prng.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';
import { CreatedSession, JoinedSession, SessionView, StudentStatus } from '../../shared/session.ts';
import type { CreateSessionBody, SessionControl } from '../../shared/session.ts';
import { startServer } from '../../server/app.ts';
import type { RunningServer, StartOptions } from '../../server/app.ts';
import { afterAll, beforeAll } from 'vitest';
import { createGame, FAST_PLAY, Inbox as Connection, Player, SCENARIO_ID, tempDataDir } from './harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export async function loadScenario(id = SCENARIO_ID): Promise<Scenario> {
  const parsed = parseScenario(JSON.parse(await readFile(join(ROOT, 'scenarios', `${id}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`scenario ${id} does not parse`);
  return parsed.scenario;
}

type LogLine = Record<string, unknown> & { msg?: string };

/** The server's structured log, read by the test: waiting for a line is waiting for the event it records. */
export class LogWatch {
  readonly lines: LogLine[] = [];
  private readonly waiters: { test: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text.trim() === '') continue;
        const line = JSON.parse(text) as LogLine;
        this.lines.push(line);
        for (const waiter of [...this.waiters]) {
          if (waiter.test(line)) {
            this.waiters.splice(this.waiters.indexOf(waiter), 1);
            waiter.resolve(line);
          }
        }
      }
      done();
    },
  });

  waitFor(test: (line: LogLine) => boolean): Promise<LogLine> {
    const found = this.lines.find(test);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

export type ClassServer = RunningServer & { logs: LogWatch };

/** Where these helpers reach a server: in this process, or another (a ServerProcess). */
export type ServerAt = Pick<RunningServer, 'url'>;

export async function startClassServer(dataDir: string, options: Partial<StartOptions> = {}): Promise<ClassServer> {
  const logs = new LogWatch();
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    distDir: join(dataDir, 'no-dist'),
    log: pino({ level: 'info' }, logs.stream),
    messageRate: FAST_PLAY,
    botPaceMs: 30,
    ...options,
  });
  return Object.assign(running, { logs });
}

export type MadeSession = CreatedSession & { secret: string };

export async function createSession(server: ServerAt, body: Partial<CreateSessionBody> = {}): Promise<MadeSession> {
  const res = await fetch(`${server.url}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId: SCENARIO_ID, ...body }),
  });
  if (res.status !== 201) throw new Error(`create session: HTTP ${res.status} ${await res.text()}`);
  const created = CreatedSession.parse(await res.json());
  const secret = /#secret=(.+)$/.exec(created.instructorUrl)?.[1];
  if (secret === undefined) throw new Error('no secret in the instructor link');
  return { ...created, secret };
}

export async function joinByCode(server: ServerAt, code: string, name: string): Promise<Response> {
  return fetch(`${server.url}/api/sessions/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
}

export async function control(server: ServerAt, sessionId: string, secret: string | null, body: SessionControl | unknown): Promise<Response> {
  return fetch(`${server.url}/api/sessions/${sessionId}/control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { authorization: `Bearer ${secret}` }) },
    body: JSON.stringify(body),
  });
}

/** A control that must be accepted. */
export async function steer(server: ServerAt, session: MadeSession, body: SessionControl): Promise<unknown> {
  const res = await control(server, session.sessionId, session.secret, body);
  if (res.status !== 200) throw new Error(`control ${body.type}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** A connection to a class's session room: a student's status, or the instructor's class view. */
export class Inbox extends Connection {
  /** The latest status once it passes `test`. */
  async status(test: (s: StudentStatus) => boolean = () => true): Promise<StudentStatus> {
    const current = this.latestOf('status');
    if (current !== undefined && test(StudentStatus.parse(current))) return StudentStatus.parse(current);
    const m = await this.wait((r) => r.type === 'status' && test(StudentStatus.parse(r.payload)), this.mark());
    return StudentStatus.parse(m.payload);
  }

  /** The instructor's latest session view once it passes `test`. */
  async session(test: (v: SessionView) => boolean = () => true): Promise<SessionView> {
    const current = this.latestOf('session');
    if (current !== undefined && test(SessionView.parse(current))) return SessionView.parse(current);
    const m = await this.wait((r) => r.type === 'session' && test(SessionView.parse(r.payload)), this.mark());
    return SessionView.parse(m.payload);
  }

  send(type: string, payload: unknown): void {
    this.room.send(type, payload);
  }
}

export async function openSessionRoom(server: ServerAt, sessionId: string, options: unknown): Promise<Inbox> {
  const client = new Client(server.url);
  const room = await client.joinById(sessionId, options as Record<string, unknown>);
  room.reconnection.enabled = false;
  return new Inbox(room);
}

/** A student: joined by code over HTTP, connected to the session room with the token. */
export type Student = { name: string; joined: JoinedSession; lobby: Inbox };

export async function enrol(server: ServerAt, code: string, name: string): Promise<Student> {
  const res = await joinByCode(server, code, name);
  if (res.status !== 201) throw new Error(`join ${name}: HTTP ${res.status} ${await res.text()}`);
  const joined = JoinedSession.parse(await res.json());
  const lobby = await openSessionRoom(server, joined.sessionId, { studentToken: joined.studentToken });
  return { name, joined, lobby };
}

/** Takes the seat the session gave: joins the game room with the seat token from the status. */
export async function sit(server: ServerAt, student: Student): Promise<{ player: Player; status: StudentStatus }> {
  const status = await student.lobby.status((s) => s.seat !== null);
  const seat = status.seat;
  if (seat === null) throw new Error('not seated');
  const client = new Client(server.url);
  const room = await client.joinById(seat.gameId, { name: student.name, seatToken: seat.seatToken });
  room.reconnection.enabled = false;
  return { player: new Player(room), status };
}

/**
 * Plays a seat from a browser's side with a bot policy: it asks the policy for moves on
 * what this seat sees and sends them, then a probe the server answers after those moves;
 * only then does it look again (at the newest view), as a person waits to see their move
 * land. Refusals (a teammate was faster, a stale view) are fine: the next look asks again.
 */
export function drive(player: Player, scenario: Scenario, policy: BotPolicyId, seed: number): void {
  let rng = seedRng(seed);
  const random = (): number => {
    const draw = nextRandom(rng);
    rng = draw.rng;
    return draw.value;
  };
  let actedOn = -1;
  let waiting: string | null = null;
  let probes = 0;
  const act = (): void => {
    if (waiting !== null) return;
    let view: PlayerView;
    try {
      view = player.latest();
    } catch {
      return;
    }
    if (view.seat === null || view.state.version === actedOn || view.state.phase === 'ended') return;
    actedOn = view.state.version;
    const moves = BOT_POLICIES[policy]({ scenario, view: view.state, seat: view.seat, random });
    if (moves.length === 0) return;
    for (const move of moves) player.move(move);
    waiting = `probe-${seed}-${++probes}`;
    player.sendRaw(waiting, { type: waiting });
  };
  player.room.onMessage('*', (type: string | number, payload: unknown) => {
    if (type === 'refused' && waiting !== null && typeof payload === 'object' && payload !== null && 'about' in payload && payload.about === waiting) {
      waiting = null;
    }
    if (type === 'view' || type === 'refused') act();
  });
  act();
}

/**
 * A clock made of events: a game of its own whose phases last one second, with a player in
 * every seat (a table begins only once its seats are filled) who never moves. Its
 * timer-driven views tell a test that time has passed, without sleeping.
 */
export async function metronome(server: RunningServer, scenario: Scenario): Promise<{ past(t: number): Promise<void>; stop(): Promise<void> }> {
  const gameId = await createGame(server, { timers: { briefing: 1, negotiation: 1, decision: 1, resolution: 1, debrief: 1 } });
  const waiting: { t: number; resolve: () => void }[] = [];
  const tick = (): void => {
    for (const w of [...waiting]) {
      if (Date.now() > w.t) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const rooms: Room[] = [];
  for (const seat of scenario.seats) {
    const room = await new Client(server.url).joinById(gameId, { name: `Metronome ${seat.id}`, seat: seat.id });
    room.reconnection.enabled = false;
    room.onMessage('*', tick);
    rooms.push(room);
  }
  return {
    past: (t) => (Date.now() > t ? Promise.resolve() : new Promise((resolve) => waiting.push({ t, resolve }))),
    stop: async () => {
      for (const room of rooms) await room.leave();
    },
  };
}

/** Samples the test process's resident memory (the server runs in it) until stopped. */
export function sampleMemory(everyMs = 50): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** A class server of the test file's own, with the scenario its classes play: started before its tests, removed after. */
export function classServerForFile(): { readonly server: ClassServer; readonly scenario: Scenario } {
  let server: ClassServer | undefined;
  let scenario: Scenario | undefined;
  let data: Awaited<ReturnType<typeof tempDataDir>> | undefined;
  beforeAll(async () => {
    data = await tempDataDir();
    server = await startClassServer(data.dir);
    scenario = await loadScenario();
  });
  afterAll(async () => {
    await server?.close();
    await data?.remove();
  });
  return {
    get server(): ClassServer {
      if (server === undefined) throw new Error('the class server has not started');
      return server;
    },
    get scenario(): Scenario {
      if (scenario === undefined) throw new Error('the scenario has not been loaded');
      return scenario;
    },
  };
}
