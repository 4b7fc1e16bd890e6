import type { ReactNode } from 'react';
import { translate } from '../../../shared/src/i18n/translate';

/** A small centred page with a title and a message, for the start, invitation and error pages. */
export function MessagePage({ title, children, alert = false }: { title: string; children: ReactNode; alert?: boolean }) {
  return (
    <main className="page page--narrow">
      <p className="app-name">{translate('app.name')}</p>
      <h1>{title}</h1>
      <div className="message" role={alert ? 'alert' : undefined}>
        {children}
      </div>
    </main>
  );
}
