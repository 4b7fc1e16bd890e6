import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/src/audit/auditEvents';
import { formatAuditTime, summarizeAuditForFamily } from '../../../../shared/src/audit/auditSummary';

const members = [
  { memberId: 'jb', name: 'Sanne Visser' },
  { memberId: 'ouder1', name: 'Kim de Boer' },
  { memberId: 'ouder2', name: 'Mark de Boer' },
  { memberId: 'kind', name: 'Noor' },
  { memberId: 'hv', name: 'Ali Yilmaz' },
];

let seq = 0;
function entry(fields: Partial<AuditEntry> & Pick<AuditEntry, 'event' | 'memberId' | 'role'>): AuditEntry {
  seq += 1;
  return { seq, at: '2026-11-23T13:05:00.000Z', outcome: 'ok', ...fields };
}

describe('audit summary for the family (issue #6)', () => {
  it('[AU9] times read as Dutch people say them, in Amsterdam time', () => {
    expect(formatAuditTime('2026-11-23T13:05:00.000Z')).toBe('23 november 2026, 14:05');
    expect(formatAuditTime('2026-07-01T07:09:00.000Z')).toBe('1 juli 2026, 09:09');
    expect(formatAuditTime('2026-11-23T13:05:00.000Z', 'en')).toBe('23 November 2026, 14:05');
  });

  it('[AU9] reads and changes by others show in plain Dutch, newest first', () => {
    seq = 0;
    const records = [
      entry({ event: 'plan.opened', memberId: 'jb', role: 'jeugdbeschermer' }),
      entry({ event: 'doc.opened', memberId: 'jb', role: 'jeugdbeschermer', object: 'gezamenlijk', at: '2026-11-23T13:10:00.000Z' }),
      entry({ event: 'doc.changed', memberId: 'hv', role: 'hulpverlener', object: 'gezamenlijk', at: '2026-11-24T08:30:00.000Z' }),
      entry({ event: 'doc.opened', memberId: 'ouder2', role: 'ouder', object: 'eigen-ouder1', at: '2026-11-24T09:00:00.000Z' }),
      entry({ event: 'doc.changed', memberId: 'jb', role: 'jeugdbeschermer', object: 'eigen-kind', namens: 'kind', at: '2026-11-24T10:00:00.000Z' }),
    ];
    const lines = summarizeAuditForFamily(records, { viewerMemberId: 'ouder1', members });
    expect(lines.map((l) => l.text)).toEqual([
      'Sanne Visser (jeugdbeschermer) namens Noor heeft het eigen deel van Noor gewijzigd — 24 november 2026, 11:00',
      'Mark de Boer (ouder) heeft uw eigen deel bekeken — 24 november 2026, 10:00',
      'Ali Yilmaz (hulpverlener) heeft het gezamenlijke plan gewijzigd — 24 november 2026, 09:30',
      'Sanne Visser (jeugdbeschermer) heeft het gezamenlijke plan bekeken — 23 november 2026, 14:10',
      'Sanne Visser (jeugdbeschermer) heeft het plan bekeken — 23 november 2026, 14:05',
    ]);
    expect(lines.map((l) => [l.seq, l.kind])).toEqual([
      [5, 'change'],
      [4, 'read'],
      [3, 'change'],
      [2, 'read'],
      [1, 'read'],
    ]);
  });

  it('[AU9] the reader\'s own acts, the server\'s records and housekeeping are left out', () => {
    seq = 0;
    const records = [
      entry({ event: 'doc.opened', memberId: 'ouder1', role: 'ouder', object: 'gezamenlijk' }),
      entry({ event: 'doc.changed', memberId: 'ouder1', role: 'ouder', object: 'eigen-ouder1' }),
      entry({ event: 'write.rejected', memberId: 'ouder1', role: 'ouder', object: 'gezamenlijk', outcome: 'refused' }),
      entry({ event: 'voorstel.adopted', memberId: 'system', role: 'system' }),
      entry({ event: 'member.invited', memberId: 'jb', role: 'jeugdbeschermer', object: 'hv' }),
      entry({ event: 'teamoverleg.opened', memberId: 'jb', role: 'jeugdbeschermer' }),
    ];
    expect(summarizeAuditForFamily(records, { viewerMemberId: 'ouder1', members })).toEqual([]);
  });

  it('[AU9] refused and denied attempts by others are shown', () => {
    seq = 0;
    const records = [
      entry({ event: 'access.denied', memberId: 'ouder2', role: 'ouder', object: 'professioneel', outcome: 'refused' }),
      entry({ event: 'write.rejected', memberId: 'ouder2', role: 'ouder', object: 'eigen-ouder1', outcome: 'refused', at: '2026-11-23T13:06:00.000Z' }),
      entry({ event: 'actie.status_set', memberId: 'hv', role: 'hulpverlener', object: 'actie-1', outcome: 'refused', at: '2026-11-23T13:07:00.000Z' }),
    ];
    const lines = summarizeAuditForFamily(records, { viewerMemberId: 'ouder1', members });
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['refused', 'Ali Yilmaz (hulpverlener) wilde iets in het plan doen, maar dat mocht niet — 23 november 2026, 14:07'],
      ['refused', 'Mark de Boer (ouder) wilde uw eigen deel wijzigen, maar dat mocht niet — 23 november 2026, 14:06'],
      ['refused', 'Mark de Boer (ouder) wilde het deel voor professionals bekijken, maar dat mocht niet — 23 november 2026, 14:05'],
    ]);
  });

  it('[AU9] unknown people and parts get a plain fallback; identical lines in a row show once', () => {
    seq = 0;
    const records = [
      entry({ event: 'doc.opened', memberId: 'weg', role: 'netwerk', object: 'eigen-onbekend' }),
      entry({ event: 'doc.opened', memberId: 'weg', role: 'netwerk', object: 'eigen-onbekend' }),
      entry({ event: 'doc.opened', memberId: 'hv', role: 'hulpverlener', object: 'iets-anders' }),
    ];
    expect(summarizeAuditForFamily(records, { viewerMemberId: 'ouder1', members }).map((l) => l.text)).toEqual([
      'Ali Yilmaz (hulpverlener) heeft een deel van het plan bekeken — 23 november 2026, 14:05',
      'Iemand die niet meer in het plan staat (netwerk) heeft het eigen deel van iemand anders bekeken — 23 november 2026, 14:05',
    ]);
  });

  it('[AU9] the same lines in English', () => {
    seq = 0;
    const records = [entry({ event: 'doc.changed', memberId: 'jb', role: 'jeugdbeschermer', object: 'gezamenlijk' })];
    expect(summarizeAuditForFamily(records, { viewerMemberId: 'ouder1', members, locale: 'en' })[0]?.text).toBe(
      'Sanne Visser (case manager) changed the shared plan — 23 November 2026, 14:05',
    );
  });
});
