/** Roles of the agency's staff and what each may do. Stored values are stable snake_case. */
export const ROLES = ['administrator', 'licensing_officer', 'supervisor', 'inspector', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'companies.read',
  'companies.write',
  'companies.export',
  'users.manage',
  'journal.read',
  'journal.verify',
  'settings.manage',
  'attachments.read',
  'attachments.write',
  'grievances.read',
  'grievances.write',
  'grievances.decide',
  'grievances.identity',
  'incidents.read',
  'incidents.write',
  'incidents.review',
  'statistics.read',
  'accountability.publish',
  'accountability.report',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who may do what. Everything else is refused with FORBIDDEN by the gate. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  licensing_officer: ['companies.read', 'companies.write', 'companies.export', 'attachments.read', 'attachments.write',
    'grievances.read', 'grievances.write', 'incidents.read', 'incidents.write', 'statistics.read'],
  supervisor: ['companies.read', 'companies.write', 'companies.export', 'journal.read', 'attachments.read', 'attachments.write',
    'grievances.read', 'grievances.write', 'grievances.decide', 'grievances.identity', 'incidents.read', 'incidents.write', 'incidents.review',
    'statistics.read', 'accountability.publish', 'accountability.report'],
  inspector: ['companies.read', 'attachments.read', 'attachments.write', 'grievances.read', 'incidents.read', 'incidents.write', 'statistics.read'],
  analyst: ['companies.read', 'companies.export', 'grievances.read', 'incidents.read', 'statistics.read', 'accountability.publish', 'accountability.report'],
};

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
