import { translate } from '../../../shared/src/i18n/translate';
import { PROFESSIONEEL } from '../../../shared/src/schema/docNames';
import { compareVersions, type CompareInput } from '../../../shared/src/versions/compareVersions';
import { versionOptions } from '../../../shared/src/versions/printVersion';
import { getProfessional, getVersion, type VersionRef } from '../api/versionsApi';
import type { PlanView } from '../api/types';
import { DiffView } from './DiffView';
import { useLoaded } from './useLoaded';
import { VersionFrame } from './VersionFrame';

/** `/plan/<planId>/vergelijk/<van>/<met>` (issue #8): what changed from one state of the plan to another. */
export function ComparePage({ planId, van, met }: { planId: string; van: VersionRef; met: VersionRef }) {
  const label = (r: VersionRef) => (r === 'nu' ? translate('versies.nu') : translate('versies.kort', { nummer: r }));
  return (
    <VersionFrame planId={planId} title={translate('versies.vergelijk.kop', { van: label(van), met: label(met) })}>
      {(plan) => <Comparison plan={plan} van={van} met={met} />}
    </VersionFrame>
  );
}

function Comparison({ plan, van, met }: { plan: PlanView; van: VersionRef; met: VersionRef }) {
  // The professional scope is compared too, for whoever may read it; nobody else asks for it.
  const professioneel = plan.docs.some((d) => d.docName === PROFESSIONEEL);
  const sides = useLoaded(() => Promise.all([side(plan.planId, van, professioneel), side(plan.planId, met, professioneel)]), `${plan.planId}/${van}/${met}`);
  if (sides.kind === 'loading') return <p>{translate('versies.laden')}</p>;
  if (sides.kind === 'failed') return <p className="form-error" role="alert">{sides.message}</p>;
  const [before, after] = sides.value;
  return <DiffView diff={compareVersions(before, after)} options={versionOptions(after.familie)} />;
}

async function side(planId: string, ref: VersionRef, professioneel: boolean): Promise<CompareInput> {
  const [{ familie }, prof] = await Promise.all([getVersion(planId, ref), professioneel ? getProfessional(planId, ref) : Promise.resolve(null)]);
  return prof ? { familie, professioneel: prof.professioneel } : { familie };
}
