import { describe, expect, it } from 'vitest';
import { LIST_WORDS } from '../../../../client/src/blocks/listWords';
import { EIGEN_BLOCK_INFO, EIGEN_BLOCKS } from '../../../../shared/src/schema/blockCatalog';
import type { FieldSpecs } from '../../../../shared/src/schema/fields';
import { isMessageKey } from '../../../../shared/src/i18n/translate';
import { LISTS_V2, RECORDS_V2 } from '../../../../shared/src/schema/registryV2';

/** Every field of every list and record of schema v2, nested ones included, with a path for messages. */
function allFields(): { path: string; spec: FieldSpecs }[] {
  const out: { path: string; spec: FieldSpecs }[] = [];
  const walk = (path: string, spec: FieldSpecs) => {
    out.push({ path, spec });
    for (const [name, field] of Object.entries(spec)) if (field.kind === 'list') walk(`${path}.${name}`, field.item);
  };
  for (const [kind, lists] of Object.entries(LISTS_V2)) for (const [key, list] of Object.entries(lists)) walk(`${kind}.${key}`, list.spec);
  for (const [kind, records] of Object.entries(RECORDS_V2)) for (const [key, record] of Object.entries(records)) walk(`${kind}.${key}`, record.spec);
  return out;
}

describe('the forms are driven by the field specs', () => {
  it('every value field declares how a form shows it, with Dutch names for its choices', () => {
    const missing: string[] = [];
    for (const { path, spec } of allFields()) {
      for (const [name, field] of Object.entries(spec)) {
        if (field.kind !== 'value') continue;
        if (!field.input) missing.push(`${path}.${name}`);
        if (field.input?.kind === 'enum') for (const o of field.input.options) expect(isMessageKey(o.labelKey), o.labelKey).toBe(true);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every list has an item noun and an add label', () => {
    const words = LIST_WORDS as Record<string, unknown>;
    for (const key of Object.keys(LISTS_V2.gezamenlijk)) expect(words[key], key).toBeDefined();
    for (const { path } of allFields().filter((f) => f.path.split('.').length === 3)) expect(words[path.split('.')[2] ?? ''], path).toBeDefined();
    for (const block of EIGEN_BLOCKS) if (EIGEN_BLOCK_INFO[block].lists.length > 0) expect(words[block], block).toBeDefined();
  });
});
