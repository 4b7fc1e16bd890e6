import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translate } from '../../../shared/src/i18n/translate';

/** Shows a calm message instead of a blank page when rendering fails (a class: React has no hook for this). */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The one console line of the client: without it a render failure leaves no trace at all.
    console.error('Gezinsplan render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="page page--narrow">
        <h1>{translate('app.name')}</h1>
        <p role="alert">{translate('error.page')}</p>
        <button type="button" className="primary-button" onClick={() => window.location.reload()}>
          {translate('error.reload')}
        </button>
      </main>
    );
  }
}
