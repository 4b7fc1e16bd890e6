import { useId, useState, type FormEvent } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { can } from '../../../shared/src/permissions/can';
import { AGE_BANDS, mayBeGrantedProfessioneel, ROLES, type AgeBand, type Role } from '../../../shared/src/permissions/roles';
import {
  ApiError,
  changeRole,
  closeRaadsonderzoek,
  inviteMember,
  revokeMember,
  setAanwezigheid,
  setProfessioneelToegang,
} from '../api/apiClient';
import type { PlanMember, PlanView } from '../api/types';
import { usePlanRefresh } from '../pages/planRefreshContext';

/** The anchor of the members section. */
export const MEMBERS_ANCHOR = 'wie-doen-mee';

const AANWEZIGHEID = ['aanwezig', 'afwezig', 'afgemeld'] as const;

/** True when this member manages who takes part (the jeugdbeschermer, issue #6). */
export function mayManageMembers(plan: PlanView): boolean {
  return can(plan.me, 'invite');
}

/**
 * Who takes part (jeugdbeschermer): invite, change a role, revoke, let a hulpverlener or raadsonderzoeker into
 * the professionals' part, mark attendance in an open teamoverleg, close the Raad's investigation. Every
 * change goes through the server, which checks it with `can` and writes it to the audit log.
 */
export function MembersSection({ plan }: { plan: PlanView }) {
  const id = useId();
  const refresh = usePlanRefresh();
  const [error, setError] = useState<string | null>(null);
  const run = (action: Promise<unknown>) => {
    setError(null);
    action.then(refresh, (e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')));
  };
  const hasRaad = plan.members.some((m) => m.role === 'raadsonderzoeker');

  return (
    <section id={MEMBERS_ANCHOR} className="plan-section" aria-labelledby={`${id}-h`} data-testid="members">
      <h2 id={`${id}-h`}>{translate('members.title')}</h2>
      <p className="muted">{translate('members.hint')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={translate('members.title')}>
        <table className="members-table">
          <thead>
            <tr>
              <th scope="col">{translate('members.col.name')}</th>
              <th scope="col">{translate('members.col.role')}</th>
              <th scope="col">{translate('members.col.more')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.members.map((m) => (
              <MemberRow key={m.memberId} plan={plan} member={m} run={run} />
            ))}
          </tbody>
        </table>
      </div>
      {hasRaad && plan.state.raadsonderzoekLopend && (
        <button type="button" className="secondary-button" onClick={() => run(closeRaadsonderzoek(plan.planId))}>
          {translate('members.raad.close')}
        </button>
      )}
      {hasRaad && !plan.state.raadsonderzoekLopend && <p className="muted">{translate('members.raad.closed')}</p>}
      <InviteForm plan={plan} />
    </section>
  );
}

function MemberRow({ plan, member, run }: { plan: PlanView; member: PlanMember; run: (p: Promise<unknown>) => void }) {
  const [confirming, setConfirming] = useState(false);
  const self = member.memberId === plan.me.memberId;
  const granted = plan.state.professioneelGrants.includes(member.memberId);
  const mark = plan.state.teamoverleg.aanwezigheid[member.memberId] ?? '';
  const onRole = (role: Role) => run(changeRole(plan.planId, member.memberId, role, role === 'jeugdige' ? '12-15' : undefined));
  return (
    <tr>
      <th scope="row">
        {member.name} {self && translate('members.you')}
      </th>
      <td>
        {self ? (
          translate(`role.${member.role}`)
        ) : (
          <select aria-label={translate('members.roleOf', { name: member.name })} value={member.role} onChange={(e) => onRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {translate(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </td>
      <td className="members-table__more">
        {mayBeGrantedProfessioneel(member.role) && (
          <label className="checkbox-label">
            <input type="checkbox" checked={granted} onChange={(e) => run(setProfessioneelToegang(plan.planId, member.memberId, e.target.checked))} />{' '}
            {translate('members.professioneel')}
          </label>
        )}
        {plan.state.teamoverleg.open && (
          <select
            aria-label={translate('members.aanwezigheidOf', { name: member.name })}
            value={mark}
            onChange={(e) => run(setAanwezigheid(plan.planId, member.memberId, e.target.value as (typeof AANWEZIGHEID)[number]))}
          >
            <option value="" disabled>
              {translate('members.aanwezigOnbekend')}
            </option>
            {AANWEZIGHEID.map((a) => (
              <option key={a} value={a}>
                {translate(`members.${a}`)}
              </option>
            ))}
          </select>
        )}
        {!self &&
          (confirming ? (
            <span role="group" aria-label={translate('members.revoke')}>
              <span>{translate('members.revokeConfirm', { name: member.name })}</span>{' '}
              <button type="button" className="danger-button" onClick={() => run(revokeMember(plan.planId, member.memberId))}>
                {translate('members.revokeYes')}
              </button>{' '}
              <button type="button" className="secondary-button" onClick={() => setConfirming(false)}>
                {translate('members.revokeNo')}
              </button>
            </span>
          ) : (
            <button type="button" className="secondary-button secondary-button--small" onClick={() => setConfirming(true)}>
              {translate('members.revoke')}
            </button>
          ))}
      </td>
    </tr>
  );
}

function InviteForm({ plan }: { plan: PlanView }) {
  const id = useId();
  const refresh = usePlanRefresh();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('ouder');
  const [ageBand, setAgeBand] = useState<AgeBand>('12-15');
  const [link, setLink] = useState<{ name: string; url: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const invite = role === 'jeugdige' ? { role, name: name.trim(), ageBand } : { role, name: name.trim() };
    inviteMember(plan.planId, invite).then(
      ({ url }) => {
        setLink({ name: invite.name, url });
        setName('');
        refresh();
      },
      (e: unknown) => setError(e instanceof ApiError ? e.message : translate('error.server')),
    );
  };
  return (
    <form className="invite-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{translate('members.invite.title')}</h3>
      <label htmlFor={`${id}-name`}>{translate('members.invite.name')}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      <label htmlFor={`${id}-role`}>{translate('members.invite.role')}</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {translate(`role.${r}`)}
          </option>
        ))}
      </select>
      {role === 'jeugdige' && (
        <>
          <label htmlFor={`${id}-age`}>{translate('members.invite.ageBand')}</label>
          <select id={`${id}-age`} value={ageBand} onChange={(e) => setAgeBand(e.target.value as AgeBand)}>
            {AGE_BANDS.map((a) => (
              <option key={a} value={a}>
                {translate(`members.ageBand.${a}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" className="primary-button">
        {translate('members.invite.submit')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {link && (
        <p role="status">
          <label htmlFor={`${id}-link`}>{translate('members.invite.link', { name: link.name })}</label>
          <input id={`${id}-link`} readOnly value={link.url} data-testid="invite-link" onFocus={(e) => e.target.select()} />
        </p>
      )}
    </form>
  );
}
