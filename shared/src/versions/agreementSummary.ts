import type { VersionAgreement, VersionMember } from './versionTypes';

/** Who agreed with a version, who did not, and who has not answered (issue #8, agreement per party). */
export interface AgreementSummary {
  readonly akkoord: readonly { readonly member: VersionMember; readonly answer: VersionAgreement }[];
  readonly nietAkkoord: readonly { readonly member: VersionMember; readonly answer: VersionAgreement }[];
  readonly geenAntwoord: readonly VersionMember[];
}

/**
 * Sorts the plan's members by their newest answer on version `nummer` (answers are kept in the order given;
 * a later answer replaces an earlier one). Answers of people no longer in `members` are left out. Pure.
 *
 * @example agreementSummary(2, answers, members).geenAntwoord.map((m) => m.name)
 */
export function agreementSummary(nummer: number, answers: readonly VersionAgreement[], members: readonly VersionMember[]): AgreementSummary {
  const newest = new Map<string, VersionAgreement>();
  for (const answer of answers) if (answer.nummer === nummer) newest.set(answer.memberId, answer);
  const akkoord: { member: VersionMember; answer: VersionAgreement }[] = [];
  const nietAkkoord: { member: VersionMember; answer: VersionAgreement }[] = [];
  const geenAntwoord: VersionMember[] = [];
  for (const member of members) {
    const answer = newest.get(member.memberId);
    if (!answer) geenAntwoord.push(member);
    else (answer.akkoord ? akkoord : nietAkkoord).push({ member, answer });
  }
  return { akkoord, nietAkkoord, geenAntwoord };
}
