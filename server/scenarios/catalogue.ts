import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ScenarioSummary } from '../../shared/protocol.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import type { Scenario } from '../../shared/scenario/schema.ts';

/** The scenarios this server offers, read once at start. */
export type ScenarioCatalogue = {
  get(id: string): Scenario | undefined;
  summaries(): ScenarioSummary[];
};

export function summarise(scenario: Scenario): ScenarioSummary {
  return {
    id: scenario.id,
    version: scenario.version,
    title: scenario.title,
    summary: scenario.summary,
    rounds: scenario.rounds.length,
    seats: scenario.seats.map((seat) => ({ id: seat.id, role: seat.role, name: seat.name })),
  };
}

/** Every `*.json` in the folder but the published JSON Schema; a broken file is logged and skipped, never fatal. */
export async function loadCatalogue(dir: string, log: Logger): Promise<ScenarioCatalogue> {
  const scenarios = new Map<string, Scenario>();
  let files: string[] = [];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.json') && file !== 'schema.json').sort();
  } catch (error) {
    log.error({ dir, err: error }, 'scenario folder unreadable');
  }
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      log.error({ file, err: error }, 'scenario file is not JSON; skipped');
      continue;
    }
    const parsed = parseScenario(raw);
    if (!parsed.ok) {
      log.error({ file, issues: parsed.issues.slice(0, 20) }, 'scenario file is invalid; skipped');
      continue;
    }
    if (scenarios.has(parsed.scenario.id)) {
      log.error({ file, id: parsed.scenario.id }, 'duplicate scenario id; skipped');
      continue;
    }
    scenarios.set(parsed.scenario.id, parsed.scenario);
    log.info({ file, id: parsed.scenario.id }, 'scenario loaded');
  }
  // The tutorial first, for a first game; then the library in the order of its files.
  const summaries = [...scenarios.values()].map(summarise).sort((a, b) => Number(b.id === 'tutorial') - Number(a.id === 'tutorial'));
  return {
    get: (id) => scenarios.get(id),
    summaries: () => summaries,
  };
}
