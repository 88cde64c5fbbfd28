// `npm run scenario:balance ID [GAMES]`: plays seeded bot games for every pairing of bot
// policies on one scenario and prints each role's mean final score per pairing, then
// each policy's mean over all opponents. For tuning a scenario so that no policy
// dominates and strategies lead to different outcomes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BotPolicyId } from '../shared/bots/policy.ts';
import { playBotGame } from '../shared/bots/play-bot-game.ts';
import { parseScenario } from '../shared/scenario/parse.ts';
import type { Scenario } from '../shared/scenario/schema.ts';

export type BalanceTable = {
  seats: string[];
  /** Mean final score of each seat, by the policies of every seat in order. */
  cells: { policies: BotPolicyId[]; means: number[] }[];
};

function pairings(seats: number): BotPolicyId[][] {
  let rows: BotPolicyId[][] = [[]];
  for (let i = 0; i < seats; i++) rows = rows.flatMap((row) => BotPolicyId.options.map((p) => [...row, p]));
  return rows;
}

export function balance(scenario: Scenario, games: number): BalanceTable {
  const seats = scenario.seats.map((s) => s.id);
  const cells = pairings(seats.length).map((policies) => {
    const totals = seats.map(() => 0);
    for (let g = 0; g < games; g++) {
      const { state } = playBotGame(scenario, 1000 + g, Object.fromEntries(seats.map((s, i) => [s, policies[i]])), 7 + g);
      seats.forEach((s, i) => (totals[i] += state.seats[s].score));
    }
    return { policies, means: totals.map((t) => Math.round((t / games) * 10) / 10) };
  });
  return { seats, cells };
}

/** Scores within this margin count as a tie when looking for a best response. */
const TIE = 0.05;

/**
 * For each seat, the policies that do at least as well as any other against every
 * combination of the other seats' policies: a dominant policy, which a tuned scenario has none of.
 */
export function dominantPolicies(table: BalanceTable): Record<string, BotPolicyId[]> {
  const result: Record<string, BotPolicyId[]> = {};
  table.seats.forEach((seat, i) => {
    const others = new Map<string, BalanceTable['cells']>();
    for (const cell of table.cells) {
      const key = cell.policies.filter((_, j) => j !== i).join('/');
      others.set(key, [...(others.get(key) ?? []), cell]);
    }
    result[seat] = BotPolicyId.options.filter((p) =>
      [...others.values()].every((cells) => {
        const mine = cells.find((c) => c.policies[i] === p);
        const best = Math.max(...cells.map((c) => c.means[i]));
        return mine !== undefined && mine.means[i] >= best - TIE;
      }),
    );
  });
  return result;
}

/** Seat `i`'s mean score by its own policy (rows) and seat `j`'s (columns), averaged over any other seats. */
function marginal(table: BalanceTable, i: number, j: number): string[] {
  const [seat, other] = [table.seats[i], table.seats[j]];
  const lines = [`${seat} (${seat} ↓ \\ ${other} →)`.padEnd(26) + BotPolicyId.options.map((p) => p.padStart(11)).join('')];
  for (const row of BotPolicyId.options) {
    const cells = BotPolicyId.options.map((col) => {
      const mine = table.cells.filter((c) => c.policies[i] === row && c.policies[j] === col);
      return (mine.reduce((a, c) => a + c.means[i], 0) / mine.length).toFixed(1).padStart(11);
    });
    lines.push(row.padEnd(26) + cells.join(''));
  }
  return lines;
}

export function formatBalance(table: BalanceTable): string[] {
  const lines: string[] = [];
  const [first, second] = table.seats;
  if (table.seats.length > 2) {
    // The first seat against each of the others, then each of the others against the first.
    const views = [...table.seats.slice(1).map((_, k) => [0, k + 1]), ...table.seats.slice(1).map((_, k) => [k + 1, 0])];
    views.forEach(([i, j], n) => {
      if (n > 0) lines.push('');
      lines.push(...marginal(table, i, j));
    });
  }
  if (table.seats.length === 2) {
    lines.push(`${first} ↓ \\ ${second} →`.padEnd(16) + BotPolicyId.options.map((p) => p.padStart(14)).join(''));
    for (const row of BotPolicyId.options) {
      const cells = BotPolicyId.options.map((col) => {
        const cell = table.cells.find((c) => c.policies[0] === row && c.policies[1] === col);
        return cell ? `${cell.means[0].toFixed(1)}/${cell.means[1].toFixed(1)}`.padStart(14) : ''.padStart(14);
      });
      lines.push(row.padEnd(16) + cells.join(''));
    }
  }
  lines.push('');
  table.seats.forEach((seat, i) => {
    const means = BotPolicyId.options.map((p) => {
      const mine = table.cells.filter((c) => c.policies[i] === p);
      return `${p} ${(mine.reduce((a, c) => a + c.means[i], 0) / mine.length).toFixed(1)}`;
    });
    lines.push(`${seat} mean over opponents: ${means.join(' · ')}`);
  });
  const dominant = dominantPolicies(table);
  lines.push(`dominant policy: ${table.seats.map((seat) => `${seat} ${dominant[seat].length > 0 ? dominant[seat].join(', ') : 'none'}`).join(' · ')}`);
  return lines;
}

if (import.meta.main) {
  const [id, gamesArg] = process.argv.slice(2);
  if (!id) {
    console.error('usage: npm run scenario:balance SCENARIO_ID [GAMES]');
    process.exit(2);
  }
  const file = path.join(import.meta.dirname, '..', 'scenarios', `${id}.json`);
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) {
    for (const issue of parsed.issues) console.error(`${file}: ${issue.path}: ${issue.message}`);
    process.exit(1);
  }
  const games = Number(gamesArg ?? 10);
  console.log(`${id}: mean final score per seat (${parsed.scenario.seats.map((s) => s.id).join('/')}), ${games} seeded games per pairing`);
  for (const line of formatBalance(balance(parsed.scenario, games))) console.log(line);
}
