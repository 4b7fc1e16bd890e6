import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { translate } from '../../../shared/src/i18n/translate';
import { ApiError, createPlan, getSession, getTemplates } from '../api/apiClient';
import type { CreatedPlan, SessionInfo, TemplateSummary } from '../api/types';
import { AppLink } from '../components/AppLink';
import { MessagePage } from '../components/MessagePage';
import { invitationPath, planPath } from '../routes';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string; readonly session: SessionInfo | null }
  | { readonly kind: 'ready'; readonly session: SessionInfo; readonly templates: readonly TemplateSummary[] };

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : translate('error.server');
}

/** `/nieuw-plan`: a jeugdbeschermer picks a template, names the plan, and opens it (issue #5). */
export function NieuwPlanPage() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const session = await getSession();
      if (!session) return { kind: 'failed', message: translate('error.not_signed_in'), session: null } as const;
      if (session.role !== 'jeugdbeschermer') return { kind: 'failed', message: translate('nieuwPlan.geenRecht'), session } as const;
      return { kind: 'ready', session, templates: await getTemplates() } as const;
    })()
      .catch((error: unknown) => ({ kind: 'failed', message: messageOf(error), session: null }) as const)
      .then((next) => !cancelled && setLoaded(next));
    return () => {
      cancelled = true;
    };
  }, []);

  if (loaded.kind === 'loading') {
    return (
      <MessagePage title={translate('nieuwPlan.title')}>
        <p>{translate('nieuwPlan.laden')}</p>
      </MessagePage>
    );
  }
  if (loaded.kind === 'failed') {
    return (
      <MessagePage title={translate('nieuwPlan.title')} alert>
        <p>{loaded.message}</p>
        {loaded.session && (
          <p>
            <AppLink href={planPath(loaded.session.planId)}>{translate('nieuwPlan.terug')}</AppLink>
          </p>
        )}
      </MessagePage>
    );
  }
  return <NieuwPlanForm session={loaded.session} templates={loaded.templates} />;
}

type Submit = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'done'; readonly plan: CreatedPlan; readonly titel: string };

function NieuwPlanForm({ session, templates }: { session: SessionInfo; templates: readonly TemplateSummary[] }) {
  const id = useId();
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [titel, setTitel] = useState('');
  const [submit, setSubmit] = useState<Submit>({ kind: 'idle' });
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (submit.kind === 'done') doneRef.current?.focus();
  }, [submit.kind]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const name = titel.trim();
    if (!templateId) return setSubmit({ kind: 'error', message: translate('nieuwPlan.sjabloonNodig') });
    if (!name) return setSubmit({ kind: 'error', message: translate('nieuwPlan.titelNodig') });
    setSubmit({ kind: 'busy' });
    createPlan(templateId, name)
      .then((plan) => setSubmit({ kind: 'done', plan, titel: name }))
      .catch((error: unknown) => setSubmit({ kind: 'error', message: messageOf(error) }));
  };

  if (submit.kind === 'done') {
    return (
      <MessagePage title={translate('nieuwPlan.title')}>
        <p ref={doneRef} tabIndex={-1} className="lead" data-testid="nieuw-plan-klaar">
          {translate('nieuwPlan.klaar', { titel: submit.titel })}
        </p>
        <p>{translate('nieuwPlan.openUitleg')}</p>
        <p>
          <a className="primary-link" href={invitationPath(submit.plan.token)}>
            {translate('nieuwPlan.open')}
          </a>
        </p>
        <p>
          <AppLink href={planPath(session.planId)}>{translate('nieuwPlan.terug')}</AppLink>
        </p>
      </MessagePage>
    );
  }

  return (
    <MessagePage title={translate('nieuwPlan.title')}>
      <p>{translate('nieuwPlan.hint')}</p>
      <form className="new-plan" onSubmit={onSubmit} noValidate>
        <fieldset className="field field--group">
          <legend>{translate('nieuwPlan.sjabloon')}</legend>
          {templates.map((t) => (
            <div key={t.id} className="template-choice">
              <input
                id={`${id}-${t.id}`}
                type="radio"
                name={`${id}-template`}
                value={t.id}
                checked={templateId === t.id}
                aria-describedby={`${id}-${t.id}-uitleg`}
                onChange={() => setTemplateId(t.id)}
              />
              <label htmlFor={`${id}-${t.id}`}>
                <strong>{t.titel}</strong>
              </label>
              <p id={`${id}-${t.id}-uitleg`} className="muted small">
                {t.beschrijving}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-titel`}>{translate('nieuwPlan.titel')}</label>
          <p id={`${id}-titel-hint`} className="muted small">
            {translate('nieuwPlan.titelHint')}
          </p>
          <input
            id={`${id}-titel`}
            type="text"
            className="text-input"
            value={titel}
            aria-describedby={`${id}-titel-hint`}
            onChange={(e) => setTitel(e.target.value)}
          />
        </div>
        {submit.kind === 'error' && (
          <p role="alert" className="form-error">
            {submit.message}
          </p>
        )}
        <p className="form-actions">
          <button type="submit" className="primary-button" disabled={submit.kind === 'busy'}>
            {submit.kind === 'busy' ? translate('nieuwPlan.bezig') : translate('nieuwPlan.maak')}
          </button>
          <AppLink href={planPath(session.planId)}>{translate('nieuwPlan.terug')}</AppLink>
        </p>
      </form>
    </MessagePage>
  );
}
