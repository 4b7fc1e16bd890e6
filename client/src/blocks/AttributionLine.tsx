import type { Attribution } from '../../../shared/src/schema/items';
import { attributionText } from './attributionText';
import { wasChanged } from './author';

/** "Ingevuld door …", and "Gewijzigd door …" once someone changed the item. */
export function AttributionLine({ created, updated }: { created: Attribution; updated: Attribution | null }) {
  return (
    <p className="card__meta">
      {attributionText(created, 'door')}
      {updated && wasChanged(created, updated) && (
        <>
          <br />
          {attributionText(updated, 'gewijzigd')}
        </>
      )}
    </p>
  );
}
