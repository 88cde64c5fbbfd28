import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../shared/protocol.ts';
import type { Move } from '../../shared/rules/moves.ts';
import type { RunningServer } from '../../server/app.ts';
import { createGame, joinGame, playTo, startTestServer, storedRecord, tempDataDir } from './harness.ts';
import type { Player } from './harness.ts';

let server: RunningServer;
let data: Awaited<ReturnType<typeof tempDataDir>>;
let gameId: string;
let us: Player;
let mx: Player;
let watcher: Player;

beforeAll(async () => {
  data = await tempDataDir();
  server = await startTestServer(data.dir);
  gameId = await createGame(server);
  us = await joinGame(server, gameId, { name: 'Ana', seat: 'us' });
  mx = await joinGame(server, gameId, { name: 'Luis', seat: 'mx' });
  watcher = await joinGame(server, gameId, { name: 'Projector' });
  await Promise.all([us, mx, watcher].map((p) => p.view((_s, v) => Object.keys(v.occupants).length === 2)));
});

afterAll(async () => {
  await server?.close();
  await data?.remove();
});

/**
 * Sends one bad message and checks the whole contract: a typed refusal to the sender,
 * nothing at all to anyone else, nothing recorded, and the sender still connected.
 */
async function expectRefused(sender: Player, send: () => void, code: string, about?: string, params?: Record<string, string | number>): Promise<void> {
  const everyone = [us, mx, watcher];
  const others = everyone.filter((p) => p !== sender);
  await Promise.all(everyone.map((p) => p.settle()));
  const marks = new Map(everyone.map((p) => [p, p.mark()]));
  const entriesBefore = (await storedRecord(server, gameId)).entries.length;
  const versionBefore = sender.version;

  send();
  const refused = await sender.refused(marks.get(sender) ?? 0);
  expect(refused.code).toBe(code);
  expect(refused.message.length).toBeGreaterThan(0);
  expect(refused.message).not.toMatch(/\n\s+at /);
  if (about !== undefined) expect(refused.about).toBe(about);
  // The numbers the client words the refusal with, in the student's language.
  if (params !== undefined) expect(refused.params).toEqual(params);

  // Each other client's probe is answered only after anything the bad message caused for it.
  for (const other of others) {
    await other.settle();
    expect(other.since(marks.get(other) ?? 0).map((m) => m.type)).toEqual(['refused']);
  }
  expect(sender.since(marks.get(sender) ?? 0).map((m) => m.type)).toEqual(['refused']);
  expect(sender.version).toBe(versionBefore);
  expect((await storedRecord(server, gameId)).entries.length).toBe(entriesBefore);
  expect(sender.connected).toBe(true);
}

describe('a bad message gets a typed refusal to its sender alone and changes nothing', () => {
  it.each([
    ['a number', 42],
    ['a string', 'ready!'],
    ['null', null],
    ['an array', [{ type: 'ready', version: 0 }]],
  ])('a payload that is %s is malformed', async (_what, payload) => {
    await expectRefused(us, () => us.sendRaw('move', payload), 'move/malformed');
  });

  it('an unknown move type is malformed, and names what it was about', async () => {
    await expectRefused(us, () => us.sendRaw('move', { type: 'dance', version: 0 }), 'move/malformed', 'dance');
  });

  it('fields of the wrong type are malformed', async () => {
    await expectRefused(us, () => us.sendRaw('move', { type: 'ready', version: 'zero' }), 'move/malformed', 'ready');
    await expectRefused(us, () => us.sendRaw('move', { type: 'chat', version: 0, to: 7, text: ['hi'] }), 'move/malformed', 'chat');
  });

  it('an oversized message is refused unread', async () => {
    const text = 'x'.repeat(MAX_MESSAGE_BYTES + 100);
    await expectRefused(us, () => us.sendRaw('move', { type: 'chat', version: us.version, to: 'mx', text }), 'message/too-large', 'chat');
  });

  it('an unknown message type is malformed', async () => {
    await expectRefused(us, () => us.sendRaw('dance', { steps: 3 }), 'move/malformed');
  });

  it('a spectator cannot move', async () => {
    await expectRefused(watcher, () => watcher.move({ type: 'ready', version: watcher.version }), 'seat/not-yours', 'ready');
  });

  it('a move for another phase is refused', async () => {
    expect(us.latest().state.phase).toBe('briefing');
    const propose: Move = { type: 'propose', version: us.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 5 }], rounds: 1 };
    await expectRefused(us, () => us.move(propose), 'phase/wrong', 'propose');
  });

  it('accepting a proposal at a version older than the proposal is stale', async () => {
    await playTo([us, mx], 'negotiation');
    const seenBefore = mx.version;
    us.move({ type: 'propose', version: us.version, to: 'mx', commitments: [{ seat: 'mx', instrument: 'mx_guard', amount: 5 }], rounds: 1 });
    const offered = await mx.view((s) => s.proposals.some((p) => p.status === 'open'));
    await us.view((s) => s.version === offered.state.version);
    const proposal = offered.state.proposals.find((p) => p.status === 'open');
    if (proposal === undefined) throw new Error('no proposal');
    await expectRefused(mx, () => mx.move({ type: 'accept', version: seenBefore, proposalId: proposal.id }), 'state/stale', 'accept');
  });

  it('a decision over the capacity budget is refused', async () => {
    await playTo([us, mx], 'decision');
    await expectRefused(mx, () => mx.move({ type: 'decide', version: mx.version, levels: { mx_guard: 25, mx_asylum: 20 } }), 'budget/exceeded', 'decide', { used: 70, capacity: 60 });
  });

  it('after all that, a good move still goes through for everyone', async () => {
    const before = us.version;
    us.move({ type: 'decide', version: us.version, levels: {} });
    await Promise.all([us, mx, watcher].map((p) => p.view((s) => s.version === before + 1 && s.seats.us?.submitted === true)));
  });
});
