import { describe, expect, it } from 'vitest';
import type { FormOptions } from '../../../../client/src/fields/formOptions';
import { valueText } from '../../../../client/src/fields/valueText';
import { doelen } from '../../../../shared/src/schema/blocks/doelenActies';
import { scores } from '../../../../shared/src/schema/blocks/eigen';
import { personen } from '../../../../shared/src/schema/blocks/mensen';
import { plankop } from '../../../../shared/src/schema/blocks/plankop';
import { zorgen } from '../../../../shared/src/schema/blocks/zorgenKrachten';
import { acties } from '../../../../shared/src/schema/blocks/doelenActies';

const options: FormOptions = {
  personen: [{ value: 'p1', label: 'Noah' }, { value: 'p2', label: 'Mila' }],
  gevaarszinnen: [],
  doelen: [],
  acties: [],
  zorgen: [],
  tijdlijn: [],
  leden: [{ memberId: 'm1', role: 'ouder', name: 'Lisa de Boer' }],
  netwerkNamen: [],
};

describe('valueText: a value in words for the read-only view', () => {
  it('names enums, dates and yes/no in Dutch', () => {
    expect(valueText(plankop.spec.kader.input, 'ots', options)).toBe('Ondertoezichtstelling (OTS)');
    expect(valueText(plankop.spec.maatregelStart.input, '2026-03-01', options)).toBe('1 maart 2026');
    expect(valueText(personen.spec.gezag.input, true, options)).toBe('Ja');
    expect(valueText(personen.spec.gezag.input, null, options)).toBeNull();
  });

  it('names referenced people and says when one is gone', () => {
    expect(valueText(zorgen.spec.kinderen.input, ['p2', 'p1'], options)).toBe('Mila, Noah');
    expect(valueText(zorgen.spec.kinderen.input, ['weg'], options)).toBe('Staat niet meer in het plan');
    expect(valueText(zorgen.spec.kinderen.input, [], options)).toBeNull();
  });

  it('reads scores, statuses, owners, dates and ages as sentences', () => {
    expect(valueText(scores.spec.score.input, { kind: 'cijfer', cijfer: 6 }, options)).toBe('6 van 10');
    expect(valueText(scores.spec.score.input, { kind: 'geenCijfer' }, options)).toBe('Ik geef geen cijfer');
    expect(valueText(doelen.spec.status.input, { kind: 'afgewezen', reden: 'Past niet' }, options)).toBe('Afgewezen: Past niet');
    expect(valueText(acties.spec.status.input, { kind: 'gedaan', op: '2026-10-16' }, options)).toBe('Gedaan op 16 oktober 2026');
    expect(valueText(acties.spec.wie.input, { kind: 'lid', memberId: 'm1' }, options)).toBe('Lisa de Boer');
    expect(valueText(acties.spec.wanneer.input, { kind: 'herhaling', tekst: 'elke avond' }, options)).toBe('elke avond');
    expect(valueText(personen.spec.leeftijd.input, { kind: 'geboortejaar', jaar: 1988 }, options)).toBe('Geboren in 1988');
    expect(valueText(doelen.spec.voorstel.input, { memberId: 'm1', doelId: 'd1' }, options)).toBe('Komt uit het voorstel van Lisa de Boer');
  });
});
