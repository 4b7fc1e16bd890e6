import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidData } from '../../../shared/src/schema/invalid';
import { validateSeed, validateTemplate, type PlanSeed, type PlanTemplate } from '../../../shared/src/schema/template';

/** Reads and validates every template in a folder (`*.json`, not recursive); a broken one throws naming file and field. */
export async function loadTemplates(dir: string): Promise<Map<string, PlanTemplate>> {
  const templates = new Map<string, PlanTemplate>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const template = validateTemplate(await readJson(path.join(dir, file)));
    templates.set(template.id, template);
  }
  return templates;
}

/** Reads and validates a plan seed (the demo family). */
export async function loadSeed(file: string): Promise<PlanSeed> {
  return validateSeed(await readJson(file));
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidData(path.basename(file), `not valid JSON (${(error as Error).message})`);
  }
}
