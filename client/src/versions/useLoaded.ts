import { useEffect, useState } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ApiError } from '../api/apiClient';

/** Something fetched once: still loading, failed with a Dutch message, or there. */
export type Loaded<T> = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'ready'; readonly value: T };

/**
 * Runs `load` when the component mounts and whenever `key` changes; a newer load wins over an older one.
 *
 * @example const versions = useLoaded(() => getVersions(planId), `${planId}/${reloads}`);
 */
export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    load()
      .then((value) => !cancelled && setState({ kind: 'ready', value }))
      .catch((error: unknown) => !cancelled && setState({ kind: 'failed', message: error instanceof ApiError ? error.message : translate('error.server') }));
    return () => {
      cancelled = true;
    };
    // `load` is a fresh closure each render; `key` says when it means something new.
  }, [key]);
  return state;
}

/** The message of a failed load, or null. */
export function errorOf(state: Loaded<unknown>): string | null {
  return state.kind === 'failed' ? state.message : null;
}
