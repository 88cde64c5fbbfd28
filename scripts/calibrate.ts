// `npm run calibrate [SCENARIO] [GAMES]`: for every shipped scenario (or one), every seat
// and every opponent policy, plays each bot policy in that seat and prints the rank
// correlation (Spearman) between its mean card rating and its mean final objective score,
// then the median and 90th-percentile cost of scoring one card. Target: Spearman ≥ 0.8.
// `npm run calibrate -- all 20 --best-response` instead plays the best-response bot (which
// follows the cards) and every fixed policy in each seat against each opponent policy and
// prints their mean final scores. Target: the best response ≥ the best fixed policy, within noise.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BotPolicyId } from '../shared/bots/policy.ts';
import { calibrateSeat, checkBestResponse } from '../shared/scoring/calibration.ts';
import { parseScenario } from '../shared/scenario/parse.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2).filter((a) => a !== '--best-response');
const bestResponseMode = args.length < process.argv.length - 2;
const [only, gamesArg, opponentsArg] = args;
const games = Number(gamesArg ?? 2);
const opponents = opponentsArg === undefined ? BotPolicyId.options : BotPolicyId.array().parse(opponentsArg.split(','));
const ids = readdirSync(path.join(root, 'scenarios'))
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .map((f) => f.replace(/\.json$/, ''))
  .filter((id) => only === undefined || only === 'all' || id === only);

const times: number[] = [];
for (const id of ids) {
  const parsed = parseScenario(JSON.parse(readFileSync(path.join(root, 'scenarios', `${id}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`${id}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const scenario = parsed.scenario;
  for (const seat of scenario.seats) {
    for (const opponent of opponents) {
      if (bestResponseMode) {
        const check = checkBestResponse(scenario, seat.id, opponent, games);
        const best = check.fixed.find((f) => f.policy === check.bestFixed)?.meanFinal ?? 0;
        const margin = check.bestResponse - best;
        console.log(`${id.padEnd(24)} ${seat.id.padEnd(7)} vs ${opponent.padEnd(10)} best response ${check.bestResponse.toFixed(1).padStart(5)}  best fixed ${check.bestFixed} ${best.toFixed(1)}  margin ${margin >= 0 ? '+' : ''}${margin.toFixed(1)}   ${check.fixed.map((f) => `${f.policy} ${f.meanFinal.toFixed(1)}`).join('  ')}`);
        continue;
      }
      const result = calibrateSeat(scenario, seat.id, opponent, games, (ms) => times.push(ms), () => performance.now());
      const cells = result.policies.map((p) => `${p.policy} ${p.meanCard.toFixed(0)}→${p.meanFinal.toFixed(1)}`).join('  ');
      console.log(`${id.padEnd(24)} ${seat.id.padEnd(7)} vs ${opponent.padEnd(10)} spearman ${result.spearman.toFixed(2).padStart(5)}   ${cells}`);
    }
  }
}
if (bestResponseMode) process.exit(0);
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(1);
console.log(`card scoring: median ${at(0.5)} ms, p90 ${at(0.9)} ms over ${times.length} cards`);
