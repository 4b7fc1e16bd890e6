import { translate } from '../../../shared/src/i18n/translate';
import type { DocKind } from '../../../shared/src/schema/docNames';
import type { CaretUser } from '../sync/docConnection';
import { useDocConnection } from '../sync/useDocConnection';
import { DocSections } from './DocSections';

interface LiveDocSectionsProps {
  planId: string;
  docName: string;
  kind: DocKind;
  user: CaretUser;
  canWrite: boolean;
  readOnlyReason: string | null;
  heading?: string;
  hint?: string | null;
  badge?: string;
  headingLevel?: 2 | 3;
}

/** Connects to one doc while mounted and shows its sections. */
export function LiveDocSections({ planId, docName, user, ...sectionProps }: LiveDocSectionsProps) {
  const connection = useDocConnection(planId, docName, user);
  if (!connection) return <p className="muted">{translate('save.loading')}</p>;
  return <DocSections connection={connection} user={user} {...sectionProps} />;
}
