import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presentMembers, type PresentMember } from './presentMembers';

/** The members present in a doc's awareness, updated as people come and go. */
export function usePresence(awareness: Awareness | null, myMemberId: string): PresentMember[] {
  const [members, setMembers] = useState<PresentMember[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const refresh = () => setMembers(presentMembers(awareness.getStates().values(), myMemberId));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness, myMemberId]);
  return members;
}
