import { useRef } from 'react';
import { shareStructure } from './shareStructure';

/**
 * `value`, but the previous object when it is deeply equal (and its unchanged parts otherwise): derived
 * data such as form options, recomputed on every keystroke, then only wakes the components it concerns.
 */
export function useStableValue<T>(value: T): T {
  const ref = useRef(value);
  const shared = shareStructure(ref.current, value);
  ref.current = shared;
  return shared;
}
