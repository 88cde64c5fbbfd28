/**
 * Publishes the scenario schema as JSON Schema so that editors can check and complete
 * scenario files as they are written (`"$schema": "./schema.json"` in each file).
 *
 * Run: `node scripts/scenario-schema.ts` after changing `shared/scenario/schema.ts`;
 * a unit test fails while the published file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ScenarioShape } from '../shared/scenario/schema.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));

/**
 * The object shape, not the refined `Scenario`: cross-field checks (ids that must
 * resolve, rounds in range) cannot be said in JSON Schema, so `scenario:check` covers them.
 * `io: 'input'` because authors write the input side: fields with defaults are optional.
 */
export function scenarioJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(ScenarioShape, { io: 'input' }), null, 2)}\n`;
}

if (import.meta.main) {
  writeFileSync(SCHEMA_FILE, scenarioJsonSchema());
  console.log(`wrote ${relative(process.cwd(), SCHEMA_FILE)}`);
}
