import type { Permission } from './roles.ts';

/**
 * A guard's credential (carné, NASP, CNV), declared once: the service's checks, the UI's
 * available actions and the generated tests all come from {@link CREDENTIAL_TRANSITIONS}.
 *
 * Applicant → Vetting → Credentialed → Active (employed) ⇄ Inactive (no employer);
 * Credentialed | Active | Inactive → Suspended → Active | Inactive (reinstated);
 * any live state → Revoked (final) | Expired (past the expiry date); Expired → Vetting (renewal).
 */
export const CREDENTIAL_STATES = ['applicant', 'vetting', 'credentialed', 'active', 'inactive', 'suspended', 'revoked', 'expired'] as const;
export type CredentialState = (typeof CREDENTIAL_STATES)[number];

export const CREDENTIAL_ACTIONS = ['startVetting', 'issue', 'activate', 'deactivate', 'suspend', 'reinstate', 'revoke', 'expire', 'renew'] as const;
export type CredentialAction = (typeof CREDENTIAL_ACTIONS)[number];

/**
 * Conditions checked against the record when the transition is taken:
 * `vetting` criminal-record check clear and recent, health certificate valid;
 * `employed` / `notEmployed` the person has / has no current employer;
 * `pastExpiry` today is after the credential's expiry date.
 */
export type CredentialGuard = 'vetting' | 'employed' | 'notEmployed' | 'pastExpiry';

export interface CredentialTransition {
  from: CredentialState;
  to: CredentialState;
  action: CredentialAction;
  permission: Permission;
  guard?: CredentialGuard;
  /** Taken by the system when its cause happens (employment starts or ends, the date passes), never offered as a button. */
  auto?: boolean;
  /** A decision against the person: reason and legal basis are required and journaled. */
  needsReason?: boolean;
}

const LIVE: CredentialState[] = ['credentialed', 'active', 'inactive'];

export const CREDENTIAL_TRANSITIONS: readonly CredentialTransition[] = [
  { from: 'applicant', to: 'vetting', action: 'startVetting', permission: 'personnel.write' },
  { from: 'vetting', to: 'credentialed', action: 'issue', permission: 'personnel.credential', guard: 'vetting' },
  { from: 'credentialed', to: 'active', action: 'activate', permission: 'personnel.write', guard: 'employed', auto: true },
  { from: 'inactive', to: 'active', action: 'activate', permission: 'personnel.write', guard: 'employed', auto: true },
  { from: 'active', to: 'inactive', action: 'deactivate', permission: 'personnel.write', guard: 'notEmployed', auto: true },
  ...LIVE.map((from): CredentialTransition => ({ from, to: 'suspended', action: 'suspend', permission: 'personnel.suspend', needsReason: true })),
  { from: 'suspended', to: 'active', action: 'reinstate', permission: 'personnel.suspend', guard: 'employed', needsReason: true },
  { from: 'suspended', to: 'inactive', action: 'reinstate', permission: 'personnel.suspend', guard: 'notEmployed', needsReason: true },
  ...[...LIVE, 'suspended' as const].map((from): CredentialTransition => ({ from, to: 'revoked', action: 'revoke', permission: 'personnel.suspend', needsReason: true })),
  ...[...LIVE, 'suspended' as const].map((from): CredentialTransition => ({ from, to: 'expired', action: 'expire', permission: 'personnel.write', guard: 'pastExpiry', auto: true })),
  { from: 'expired', to: 'vetting', action: 'renew', permission: 'personnel.write' },
];

/** States in which the person holds a credential number that may still be valid. */
export const HOLDS_CREDENTIAL: readonly CredentialState[] = ['credentialed', 'active', 'inactive', 'suspended'];

/** The rows for `action` from `from` (two for `reinstate`: the guard picks one). */
export function transitionsFor(from: CredentialState, action: CredentialAction): CredentialTransition[] {
  return CREDENTIAL_TRANSITIONS.filter((t) => t.from === from && t.action === action);
}

/**
 * Actions a person may take by hand from `from` given their permissions (what the UI offers).
 * Guards are checked by the service when the action is taken, with the reason in the refusal.
 */
export function manualActions(from: CredentialState, can: (p: Permission) => boolean): CredentialAction[] {
  const out: CredentialAction[] = [];
  for (const t of CREDENTIAL_TRANSITIONS) {
    if (t.from === from && !t.auto && can(t.permission) && !out.includes(t.action)) out.push(t.action);
  }
  return out;
}
