import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBlockOrder } from '../../../../shared/src/schema/blockCatalog';
import { goedGenoeg } from '../../../../shared/src/schema/blocks/goedGenoeg';
import { fillDocV2 } from '../../../../shared/src/schema/fillDocV2';
import { InvalidData } from '../../../../shared/src/schema/invalid';
import { LATEST_SCHEMA_VERSION } from '../../../../shared/src/schema/migrations';
import { readSchemaVersion } from '../../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../../shared/src/schema/proseText';
import { proseV2 } from '../../../../shared/src/schema/proseV2';
import { validateSeedV2, validateTemplateV2 } from '../../../../shared/src/schema/templateV2';

const templatesDir = path.resolve('templates');

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(path.join(templatesDir, file), 'utf8')) as unknown;
}

/** The field an `InvalidData` names, or a failure when the data was accepted. */
function refusedField(validate: (data: unknown) => unknown, data: unknown): string {
  try {
    validate(data);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidData);
    return (error as InvalidData).field;
  }
  throw new Error(`accepted: ${JSON.stringify(data)}`);
}

describe('templates are data, validated by the schema', () => {
  it('[T1] the three templates in templates/ validate, and so does the demo seed with one member per role', async () => {
    const files = (await readdir(templatesDir)).filter((f) => f.endsWith('.json')).sort();
    const ids = await Promise.all(files.map(async (f) => validateTemplateV2(await readJson(f)).id));
    expect(ids.sort()).toEqual(['gezinsplan-jeugdbescherming', 'veiligheidskaart', 'veiligheidsplan-raadsonderzoek']);
    const seed = validateSeedV2(await readJson('demo/gezin-de-boer.json'));
    expect(ids).toContain(seed.template);
    expect(new Set(seed.leden.map((l) => l.role)).size).toBe(7);
  });

  it('[T2] a broken template is refused with a message naming the field', () => {
    const good = {
      id: 't',
      schemaVersion: LATEST_SCHEMA_VERSION,
      naam: 'T',
      blokken: ['plankop', 'zorgen'],
      docs: { gezamenlijk: { tekst: { aanleiding: ['Waarom?'] }, lijsten: { goedGenoeg: [{ tekst: 'Veilig', venster: 2, status: 'niet' }] } } },
    };
    expect(validateTemplateV2(good).id).toBe('t');
    const cases: [unknown, string][] = [
      [{ ...good, id: '' }, 'id'],
      [{ ...good, schemaVersion: 1 }, 'schemaVersion'],
      [{ ...good, blokken: ['plankop', 'geheim'] }, 'blokken[1]'],
      [{ ...good, docs: { notulen: {} } }, 'docs.notulen'],
      [{ ...good, docs: { gezamenlijk: { tekst: { geheim: ['x'] } } } }, 'docs.gezamenlijk.tekst.geheim'],
      [{ ...good, docs: { gezamenlijk: { lijsten: { goedGenoeg: [{ tekst: 'Veilig', status: 'misschien' }] } } } }, 'docs.gezamenlijk.lijsten.goedGenoeg[0].status'],
      [[], '(root)'],
    ];
    for (const [data, field] of cases) expect(refusedField(validateTemplateV2, data)).toBe(field);
  });

  it('[T3] a seed with an unknown role or age band names the field', () => {
    const base = { template: 't', titel: 'x', leden: [{ ref: 'a', role: 'ouder', name: 'A' }] };
    expect(refusedField(validateSeedV2, { ...base, leden: [{ ref: 'a', role: 'baas', name: 'A' }] })).toBe('leden[0].role');
    expect(refusedField(validateSeedV2, { ...base, leden: [{ ref: 'a', role: 'jeugdige', name: 'A', ageBand: '8' }] })).toBe('leden[0].ageBand');
  });

  it('[T4] filling from the jeugdbescherming template writes version 2, the block order and the eight goed-genoeg criteria', async () => {
    const template = validateTemplateV2(await readJson('gezinsplan-jeugdbescherming.json'));
    const doc = new Y.Doc();
    fillDocV2(doc, 'gezamenlijk', template);
    expect(readSchemaVersion(doc)).toBe(LATEST_SCHEMA_VERSION);
    expect(readBlockOrder(doc)).toEqual(template.blokken);
    expect(goedGenoeg.read(doc)).toHaveLength(8);
    expect(goedGenoeg.read(doc).every((c) => c.status === 'niet')).toBe(true);
  });

  it('[T5] the seed’s text takes the place of the template’s, field by field', async () => {
    const template = validateTemplateV2(await readJson('gezinsplan-jeugdbescherming.json'));
    const doc = new Y.Doc();
    fillDocV2(doc, 'gezamenlijk', template, { prose: { aanleiding: ['Eigen tekst', 'Tweede'] }, records: {}, lists: {} });
    expect(fragmentText(proseV2(doc, 'gezamenlijk', 'aanleiding'))).toBe('Eigen tekst\nTweede');
  });
});
