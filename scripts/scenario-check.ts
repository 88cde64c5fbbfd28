/**
 * Checks scenario files against the rules' own parser, so an author sees every problem
 * with the path to the field: `scenarios/x.json: seats[1].indicators.approval: Too big: …`.
 *
 * Run: `npm run scenario:check` (every scenario) or `npm run scenario:check -- FILE...`.
 * Exits 1 when any file fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../shared/scenario/parse.ts';

export const SCENARIO_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

export type CheckReport = { ok: boolean; lines: string[] };

/** Every scenario data file in `dir`; the published JSON Schema is not a scenario. */
export function scenarioFiles(dir: string = SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .sort()
    .map((name) => join(dir, name));
}

/** Checks one file's text; `file` is only the name shown in the report. */
export function checkScenarioText(file: string, text: string): CheckReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, lines: [`${file}: invalid JSON: ${messageOf(error)}`] };
  }
  const parsed = parseScenario(raw);
  if (parsed.ok) return { ok: true, lines: [`✓ ${file}`] };
  return { ok: false, lines: parsed.issues.map((issue) => `${file}: ${issue.path}: ${issue.message}`) };
}

export function checkScenarioFile(file: string, shownAs: string = file): CheckReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, lines: [`${shownAs}: cannot read: ${messageOf(error)}`] };
  }
  return checkScenarioText(shownAs, text);
}

/** Checks the named files, or every scenario when none is named. */
export function checkScenarios(files: readonly string[] = []): CheckReport {
  const targets = files.length > 0 ? [...files] : scenarioFiles();
  const reports = targets.map((file) => checkScenarioFile(file, shown(file)));
  return { ok: reports.every((r) => r.ok), lines: reports.flatMap((r) => r.lines) };
}

/** Paths as the author would type them from where the command runs. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (import.meta.main) {
  const report = checkScenarios(process.argv.slice(2));
  for (const line of report.lines) console.log(line);
  process.exitCode = report.ok ? 0 : 1;
}
