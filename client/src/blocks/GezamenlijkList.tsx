import { useMemo } from 'react';
import type { MessageKey } from '../../../shared/src/i18n/nl';
import { translate } from '../../../shared/src/i18n/translate';
import { GEZAMENLIJK } from '../../../shared/src/schema/docNames';
import { LISTS_V2, type ListKeyV2 } from '../../../shared/src/schema/registryV2';
import { Disputes } from './Disputes';
import { OwnItemCards, ProposalCards } from './ForeignCards';
import type { HeadingLevel } from './Heading';
import type { CardGroups } from './ItemCard';
import { bindList, type AnyItem } from './listBinding';
import { ListEditor } from './ListEditor';
import { listWords } from './listWords';
import { usePlanData } from './planData';
import { TargetWarnings } from './WarningList';

type GezamenlijkListKey = ListKeyV2<'gezamenlijk'>;

/** Headings of the lists that share a block with other lists. */
const LIST_HEADINGS: Partial<Record<GezamenlijkListKey, MessageKey>> = {
  zorgsignalen: 'kaart.zorgsignalen',
  positieveSignalen: 'kaart.positieveSignalen',
  stappenGezet: 'kaart.stappenGezet',
  watWerkt: 'kaart.watWerkt',
  watWerktNiet: 'kaart.watWerktNiet',
  veiligheidsafspraken: 'list.veiligheidsafspraken',
  bodemeisen: 'list.bodemeisen',
};

/** A gevaarszin card shows the danger statement and its veiligheidsdoel as two parts of one pair. */
const GEVAARSZIN_GROUPS: CardGroups = [
  { legendKey: 'gevaarszin.deel', fields: ['wieMaaktZichZorgen', 'watIsErGebeurd', 'alsErNietsVerandert', 'impactOpKind'] },
  { legendKey: 'veiligheidsdoel.deel', fields: ['watDoenOudersAnders', 'watMerktHetKind', 'watZienProfessionals', 'hoeLangVolhouden'] },
];

// Extras per list, at module level so they stay the same function and the cards stay memoized.
const zorgDisputes = (item: AnyItem) => <Disputes target={{ kind: 'zorg', id: item.id }} />;
const tijdlijnDisputes = (item: AnyItem) => <Disputes target={{ kind: 'tijdlijn', id: item.id }} />;
const gevaarszinWarnings = (item: AnyItem) => <TargetWarnings target={{ kind: 'gevaarszin', id: item.id }} />;
const actieWarnings = (_field: string, doel: AnyItem, actie: AnyItem) => (
  <TargetWarnings target={{ kind: 'actie', doelId: doel.id, actieId: actie.id }} />
);

/**
 * One list of `gezamenlijk` as cards, with what other docs add to it: own worries and strengths,
 * disputes beside the item they are about, proposals among the goals, warnings beside their item.
 */
export function GezamenlijkList({ listKey, level, withHeading }: { listKey: GezamenlijkListKey; level: HeadingLevel; withHeading: boolean }) {
  const { gezamenlijk } = usePlanData();
  const { connection, author, editable, snapshot } = gezamenlijk;
  const binding = useMemo(() => bindList(connection.doc, LISTS_V2.gezamenlijk[listKey], author), [connection.doc, listKey, author]);
  const commentList = useMemo(() => ({ docName: GEZAMENLIJK, list: listKey }), [listKey]);
  const items = snapshot.lists[listKey] as unknown as readonly AnyItem[];
  const headingKey = LIST_HEADINGS[listKey];
  const noun = translate(listWords(listKey).item);

  const extras = (() => {
    switch (listKey) {
      case 'zorgen':
        return { itemExtra: zorgDisputes, trailing: <OwnItemCards kind="zorgen" start={items.length} noun={noun} /> };
      case 'krachten':
        return { trailing: <OwnItemCards kind="krachten" start={items.length} noun={noun} /> };
      case 'tijdlijn':
        return { itemExtra: tijdlijnDisputes };
      case 'gevaarszinnen':
        return { groups: GEVAARSZIN_GROUPS, itemExtra: gevaarszinWarnings };
      case 'doelen':
        return { nestedExtra: actieWarnings, trailing: <ProposalCards start={items.length} noun={noun} /> };
      default:
        return {};
    }
  })();

  return (
    <ListEditor
      wordsKey={listKey}
      binding={binding}
      items={items}
      editable={editable}
      heading={withHeading && headingKey ? translate(headingKey) : undefined}
      level={level}
      commentList={commentList}
      {...extras}
    />
  );
}
