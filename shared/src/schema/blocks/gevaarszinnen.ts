import { textField, type Item } from '../fields';
import { rootList } from '../lists';
import { v2Root } from '../rootsV2';

/**
 * Gevaarszinnen en veiligheidsdoelen: each item is one pair, so a gevaarszin has exactly one
 * veiligheidsdoel by construction; an empty veiligheidsdoel is a warning (`validation.ts`), never a block.
 * Goals (`gevaarszinId`) and goed-genoeg criteria (`veiligheidsdoelId`) point at a pair by its id.
 *
 * @example gevaarszinnen.add(doc, author, { wieMaaktZichZorgen: 'De jeugdbeschermer en school', watIsErGebeurd: '…' })
 */
export const gevaarszinnen = rootList(v2Root('gezamenlijk', 'gevaarszinnen'), {
  wieMaaktZichZorgen: textField('field.gevaarszin.wieMaaktZichZorgen'),
  watIsErGebeurd: textField('field.gevaarszin.watIsErGebeurd'),
  alsErNietsVerandert: textField('field.gevaarszin.alsErNietsVerandert'),
  impactOpKind: textField('field.gevaarszin.impactOpKind'),
  watDoenOudersAnders: textField('field.veiligheidsdoel.watDoenOudersAnders'),
  watMerktHetKind: textField('field.veiligheidsdoel.watMerktHetKind'),
  watZienProfessionals: textField('field.veiligheidsdoel.watZienProfessionals'),
  hoeLangVolhouden: textField('field.veiligheidsdoel.hoeLangVolhouden'),
});
export type Gevaarszin = Item<typeof gevaarszinnen.spec>;

/** True when any part of the pair's veiligheidsdoel is written. */
export function heeftVeiligheidsdoel(pair: Gevaarszin): boolean {
  return [pair.watDoenOudersAnders, pair.watMerktHetKind, pair.watZienProfessionals, pair.hoeLangVolhouden].some(
    (t) => t.trim() !== '',
  );
}

/** True when any part of the gevaarszin itself is written (an empty new card does not count). */
export function heeftGevaarszin(pair: Gevaarszin): boolean {
  return [pair.wieMaaktZichZorgen, pair.watIsErGebeurd, pair.alsErNietsVerandert, pair.impactOpKind].some((t) => t.trim() !== '');
}
