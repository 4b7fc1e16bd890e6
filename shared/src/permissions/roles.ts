/** The role keys of DESIGN.md §2. */
export const ROLES = [
  'jeugdbeschermer',
  'gedragswetenschapper',
  'hulpverlener',
  'raadsonderzoeker',
  'ouder',
  'jeugdige',
  'netwerk',
] as const;
export type Role = (typeof ROLES)[number];

/** Age bands of a jeugdige (DESIGN.md §7, invitations). */
export const AGE_BANDS = ['under-12', '12-15', '16+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Roles that work in the plan as professionals rather than as family or network. */
export const PROFESSIONAL_ROLES: readonly Role[] = ['jeugdbeschermer', 'gedragswetenschapper', 'hulpverlener', 'raadsonderzoeker'];

/** Each role's colour for carets and the presence bar; all pass 4.5:1 against white text. */
export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  jeugdbeschermer: '#1d4ed8',
  gedragswetenschapper: '#6d28d9',
  hulpverlener: '#0f766e',
  raadsonderzoeker: '#475569',
  ouder: '#b91c1c',
  jeugdige: '#a21caf',
  netwerk: '#b45309',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isAgeBand(value: unknown): value is AgeBand {
  return typeof value === 'string' && (AGE_BANDS as readonly string[]).includes(value);
}

export function isProfessional(role: Role): boolean {
  return PROFESSIONAL_ROLES.includes(role);
}

/** Family and informal network: they read the common plan and write it only in a teamoverleg. */
export function isFamilyOrNetwork(role: Role): boolean {
  return role === 'ouder' || role === 'jeugdige' || role === 'netwerk';
}

/** Professionals whom the jeugdbeschermer may let into `professioneel` (the others have it, or never get it). */
export function mayBeGrantedProfessioneel(role: Role): boolean {
  return role === 'hulpverlener' || role === 'raadsonderzoeker';
}

/** A child under 12: the jeugdbeschermer writes their own doc for them ("namens"). */
export function isChildUnder12(member: { role: Role; ageBand?: AgeBand | undefined }): boolean {
  return member.role === 'jeugdige' && member.ageBand === 'under-12';
}
