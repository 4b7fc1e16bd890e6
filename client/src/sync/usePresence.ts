import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presentMembers, samePresentMembers, type PresentMember } from './presentMembers';

/**
 * The members present in a doc's awareness, updated as people come and go. Awareness changes with every
 * caret move (every keystroke, here and at each collaborator); the list keeps its identity until someone
 * arrives, leaves or is renamed, so those moves render nothing.
 */
export function usePresence(awareness: Awareness | null, myMemberId: string): PresentMember[] {
  const [members, setMembers] = useState<PresentMember[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const refresh = () => {
      const next = presentMembers(awareness.getStates().values(), myMemberId);
      setMembers((prev) => (samePresentMembers(prev, next) ? prev : next));
    };
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness, myMemberId]);
  return members;
}
