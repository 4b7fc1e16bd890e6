import { translate } from '../../../shared/src/i18n/translate';
import { parseDocName } from '../../../shared/src/schema/docNames';
import type { PlanView } from '../api/types';

/** A doc named as people know it: "het gezamenlijke plan", "uw eigen deel", "het eigen deel van Lisa". */
export function docPartName(plan: PlanView, docName: string): string {
  const parsed = parseDocName(docName);
  switch (parsed?.kind) {
    case 'gezamenlijk':
      return translate('save.part.gezamenlijk');
    case 'professioneel':
      return translate('save.part.professioneel');
    case 'eigen': {
      if (parsed.memberId === plan.me.memberId) return translate('save.part.eigenOwn');
      const name = plan.members.find((m) => m.memberId === parsed.memberId)?.name ?? '';
      return translate('save.part.eigenOther', { name });
    }
    default:
      return translate('save.part.gezamenlijk');
  }
}
