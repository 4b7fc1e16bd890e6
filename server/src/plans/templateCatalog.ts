import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidData } from '../../../shared/src/schema/invalid';
import { validateSeedV2, validateTemplateV2, type PlanSeedV2, type PlanTemplateV2 } from '../../../shared/src/schema/templateV2';

/** Reads and validates every template in a folder (`*.json`, not recursive); a broken one throws naming file and field. */
export async function loadTemplates(dir: string): Promise<Map<string, PlanTemplateV2>> {
  const templates = new Map<string, PlanTemplateV2>();
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    const template = await readValidated(path.join(dir, file), validateTemplateV2);
    if (templates.has(template.id)) throw new InvalidData(`${file}: id`, `template id ${template.id} is used twice`);
    templates.set(template.id, template);
  }
  return templates;
}

/** Reads and validates a plan seed (the demo family). */
export function loadSeed(file: string): Promise<PlanSeedV2> {
  return readValidated(file, validateSeedV2);
}

/** Reads a JSON file and validates it; a failure names the file and the field. */
async function readValidated<T>(file: string, validate: (data: unknown) => T): Promise<T> {
  const name = path.basename(file);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    throw new InvalidData(name, `not valid JSON (${(error as Error).message})`);
  }
  try {
    return validate(data);
  } catch (error) {
    if (error instanceof InvalidData) throw new InvalidData(`${name}: ${error.field}`, error.reason);
    throw error;
  }
}
