import type { z } from 'zod';
import { Scenario } from './schema.ts';

export type ScenarioIssue = { path: string; message: string };
export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] };

/** `seats[1].indicators.approval`: the path an author looks for in the file. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesOf(error: z.ZodError): ScenarioIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/** Parse, then trust: raw JSON from a file or a request becomes a Scenario or a list of issues. */
export function parseScenario(raw: unknown): ParsedScenario {
  const parsed = Scenario.safeParse(raw);
  return parsed.success ? { ok: true, scenario: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}
