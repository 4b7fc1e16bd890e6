import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { translate } from '../../../shared/src/i18n/translate';
import { usePresence } from '../sync/usePresence';

/** Who is in the plan right now, each in their role colour; the member themselves marked "(u)". */
export function PresenceBar({ awareness, myMemberId }: { awareness: Awareness | null; myMemberId: string }) {
  const id = useId();
  const members = usePresence(awareness, myMemberId);
  return (
    <div className="presence" data-testid="presence">
      <span id={id} className="presence__label">
        {translate('presence.label')}:
      </span>
      <ul className="presence__list" aria-labelledby={id}>
        {members.map((m) => (
          <li key={m.memberId} className="presence__member" data-member-id={m.memberId} style={{ backgroundColor: m.color }}>
            <span className="presence__name">
              {m.name}
              {m.isMe && ` ${translate('presence.you')}`}
            </span>
            <span className="presence__role">{translate(`role.${m.role}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
