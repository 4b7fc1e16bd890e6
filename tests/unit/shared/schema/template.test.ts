import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { InvalidData } from '../../../../shared/src/schema/invalid';
import { proseField, readSchemaVersion, SCHEMA_VERSION } from '../../../../shared/src/schema/planSchema';
import { fragmentText } from '../../../../shared/src/schema/proseText';
import { fillDoc, validateSeed, validateTemplate } from '../../../../shared/src/schema/template';

const templatesDir = path.resolve('templates');

describe('templates are data, validated by the schema', () => {
  it('[T1] every template in templates/ validates, and so does the demo seed', async () => {
    const files = (await readdir(templatesDir)).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) validateTemplate(JSON.parse(await readFile(path.join(templatesDir, f), 'utf8')));
    const seed = validateSeed(JSON.parse(await readFile(path.join(templatesDir, 'demo', 'gezin-de-boer.json'), 'utf8')));
    expect(new Set(seed.leden.map((l) => l.role)).size).toBe(7);
  });

  it('[T2] a broken template is refused with a message naming the field', () => {
    const good = { id: 't', schemaVersion: SCHEMA_VERSION, naam: 'T', docs: { gezamenlijk: { zorgen: ['a'] } } };
    const cases: [unknown, string][] = [
      [{ ...good, id: '' }, 'id'],
      [{ ...good, schemaVersion: 99 }, 'schemaVersion'],
      [{ ...good, docs: { notulen: {} } }, 'docs.notulen'],
      [{ ...good, docs: { gezamenlijk: { geheim: ['x'] } } }, 'docs.gezamenlijk.geheim'],
      [{ ...good, docs: { gezamenlijk: { zorgen: ['ok', 3] } } }, 'docs.gezamenlijk.zorgen[1]'],
      [[], '(root)'],
    ];
    for (const [data, field] of cases) {
      expect(() => validateTemplate(data)).toThrow(InvalidData);
      try {
        validateTemplate(data);
      } catch (e) {
        expect((e as InvalidData).field).toBe(field);
      }
    }
  });

  it('[T3] a seed with an unknown role or age band names the field', () => {
    const base = { template: 't', titel: 'x', leden: [{ role: 'ouder', name: 'A' }] };
    expect(() => validateSeed({ ...base, leden: [{ role: 'baas', name: 'A' }] })).toThrow(/leden\[0\]\.role/);
    expect(() => validateSeed({ ...base, leden: [{ role: 'jeugdige', name: 'A', ageBand: '8' }] })).toThrow(/leden\[0\]\.ageBand/);
  });

  it('[T4] filling a doc writes the schema version and the seed text in place of the template text', () => {
    const template = validateTemplate({ id: 't', schemaVersion: SCHEMA_VERSION, naam: 'T', docs: { gezamenlijk: { zorgen: ['vraag'], watGaatGoed: ['goed?'] } } });
    const doc = new Y.Doc();
    fillDoc(doc, 'gezamenlijk', template, { zorgen: ['eigen tekst', 'tweede'] });
    expect(readSchemaVersion(doc)).toBe(SCHEMA_VERSION);
    expect(fragmentText(proseField(doc, 'gezamenlijk', 'zorgen'))).toBe('eigen tekst\ntweede');
    expect(fragmentText(proseField(doc, 'gezamenlijk', 'watGaatGoed'))).toBe('goed?');
  });
});
