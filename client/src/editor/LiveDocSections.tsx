import { translate } from '../../../shared/src/i18n/translate';
import { useDocConnection } from '../sync/useDocConnection';
import { DocSections, type DocSectionsProps } from './DocSections';

type LiveDocSectionsProps = Omit<DocSectionsProps, 'connection'> & {
  planId: string;
  docName: string;
  /** The server's per-doc size cap, for the "bijna vol" warning. */
  docMaxBytes?: number;
};

/** Connects to one doc while mounted and shows its sections. */
export function LiveDocSections({ planId, docName, user, docMaxBytes, ...sectionProps }: LiveDocSectionsProps) {
  const connection = useDocConnection(planId, docName, user, docMaxBytes);
  if (!connection) return <p className="muted">{translate('save.loading')}</p>;
  return <DocSections connection={connection} user={user} {...sectionProps} />;
}
