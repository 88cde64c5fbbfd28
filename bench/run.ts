// Speed of the rules core: how many rounds resolve per second, and how long a whole
// recorded game takes to replay. Prints numbers; asserts nothing.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseScenario } from '../shared/scenario/parse.ts';
import { advanceTo } from '../tests/unit/fixtures/play.ts';
import { playRandomGame } from '../tests/unit/fixtures/random-play.ts';
import { createGame, replay, resolveRound, stateHash } from '../shared/rules/index.ts';
import { playBotGame } from '../shared/bots/play-bot-game.ts';
import { decisionsOfRecord, scoreDecision, type Decision } from '../shared/scoring/index.ts';
import { benchDashboard } from './dashboard.ts';
import { benchPageLoad, printPageLoad } from './page-load.ts';
import { benchReviewPage, printReviewPage } from './review-page.ts';
import { commitmentLedger, createScrubber, referenceOutcomes, seriesOf, timelineOf } from '../shared/review/index.ts';

const parsed = parseScenario(JSON.parse(readFileSync(new URL('../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('scenario does not parse');
const scenario = parsed.scenario;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeIt(label: string, runs: number, fn: (i: number) => void): void {
  for (let i = 0; i < Math.min(50, runs); i++) fn(i); // warm-up
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  const total = performance.now() - start;
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} ${(runs / (total / 1000)).toFixed(0).padStart(8)}/s   median ${percentile(samples, 50).toFixed(3)} ms   p95 ${percentile(samples, 95).toFixed(3)} ms   (${runs} runs)`,
  );
}

// A table about to resolve round 1, with an agreement and a threat in play.
const games = Array.from({ length: 20 }, (_, i) => playRandomGame(scenario, createGame(scenario, i + 1), i + 1, i + 100));
const atDecision = advanceTo(scenario, createGame(scenario, 7), 'decision');

console.log(`Border Bargain rules bench · scenario ${scenario.id} · Node ${process.version}`);
timeIt('resolveRound (one round)', 20000, () => {
  resolveRound(scenario, atDecision);
});
const entries = games.map((g) => g.record.entries.length);
timeIt(`replay full game (~${Math.round(entries.reduce((a, b) => a + b, 0) / entries.length)} entries)`, 500, (i) => {
  replay(scenario, games[i % games.length].record);
});
timeIt('stateHash (end of game)', 5000, (i) => {
  stateHash(games[i % games.length].state);
});
// Framework cards: every decision of a few bot games, each scored with all its alternatives.
const decisions: Decision[] = [];
for (const [us, mx, seed] of [['coercive', 'defensive', 1], ['dealmaker', 'extractive', 2], ['punitive', 'punitive', 3]] as const) {
  decisions.push(...decisionsOfRecord(scenario, playBotGame(scenario, seed, { us, mx }, seed).record));
}
timeIt(`scoreDecision (${decisions.length} decisions)`, decisions.length * 2, (i) => {
  const d = decisions[i % decisions.length];
  scoreDecision(scenario, d.before, d.seq, d.seat, d.move);
});
const mem = process.memoryUsage();
const stateBytes = JSON.stringify(games[0].state).length;
console.log(`end-of-game state: ${(stateBytes / 1024).toFixed(1)} KiB as JSON · heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB`);

// Review: a 20-round game (the 2019 scenario stretched to 20 months) opened in the replay
// viewer. "First frame" is what the page does before drawing: build the scrubber, read step 0.
const long = parseScenario({ ...JSON.parse(readFileSync(new URL('../scenarios/us-mexico-2019.json', import.meta.url), 'utf8')), id: 'bench-20-rounds' });
if (!long.ok) throw new Error('20-round scenario does not parse');
const twenty = long.scenario;
twenty.rounds = Array.from({ length: 20 }, (_v, i) => twenty.rounds[i % scenario.rounds.length]);
const longGame = playBotGame(twenty, 5, { us: 'coercive', mx: 'dealmaker' }, 5).record;
console.log(`review of a ${twenty.rounds.length}-round game: ${longGame.entries.length} entries`);
timeIt('replay first frame (build + step 0)', 200, () => {
  createScrubber(twenty, longGame).stateAt(0);
});
const scrubber = createScrubber(twenty, longGame);
const steps = longGame.entries.length;
timeIt('scrub to any step (snapshots)', 5000, (i) => {
  scrubber.stateAt((i * 7919) % (steps + 1));
});
timeIt('timeline + ledger + series (whole game)', 100, () => {
  timelineOf(twenty, longGame);
  commitmentLedger(twenty, longGame);
  seriesOf(twenty, scrubber.stateAt(steps));
});
timeIt('reference outcomes (37 bot games)', 3, () => {
  referenceOutcomes(scenario);
});

// In a browser and over real rooms: the replay page of a 20-round game, and the dashboard of a 50-table class.
printReviewPage(await benchReviewPage());
const dashboard = await benchDashboard();
console.log(`dashboard, ${dashboard.tables} live bot tables: a table's change reaches the instructor's view   p50 ${dashboard.p50Ms.toFixed(0)} ms   p95 ${dashboard.p95Ms.toFixed(0)} ms   max ${dashboard.maxMs.toFixed(0)} ms`);

// The student's table, cold, on a slow school link: what crosses the wire and when it is interactive.
printPageLoad(await benchPageLoad());
// Every figure is printed and every server closed; lingering sockets must not keep the run open.
process.exit(0);
