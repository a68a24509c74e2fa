/** Roles of the agency's staff and what each may do. Stored values are stable snake_case. */
export const ROLES = ['administrator', 'licensing_officer', 'supervisor', 'inspector', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

const OFFICE = ['licensing_officer', 'supervisor'] as const;
const ALL_STAFF = ['licensing_officer', 'supervisor', 'inspector', 'analyst'] as const;

/**
 * Each permission and the roles (besides the administrator, who holds every permission) that
 * have it. One line per permission, so that areas added in parallel never touch the same line.
 */
const GRANTS = {
  'companies.read': ALL_STAFF,
  'companies.write': OFFICE,
  'companies.export': ['licensing_officer', 'supervisor', 'analyst'],
  'users.manage': [],
  'journal.read': ['supervisor'],
  'journal.verify': [],
  'settings.manage': [],
  'attachments.read': ['licensing_officer', 'supervisor', 'inspector'],
  'attachments.write': ['licensing_officer', 'supervisor', 'inspector'],
  'personnel.read': ALL_STAFF,
  'personnel.write': OFFICE,
  'personnel.export': ['licensing_officer', 'supervisor', 'analyst'],
  'personnel.credential': OFFICE,
  'personnel.suspend': ['supervisor'],
  'licensing.read': ALL_STAFF,
  'licensing.write': OFFICE,
  'licensing.decide': ['supervisor'],
  'licensing.configure': [],
  'sanctions.read': ['licensing_officer', 'supervisor', 'analyst'],
  'sanctions.write': OFFICE,
  'sanctions.decide': ['supervisor'],
  'due.read': ALL_STAFF,
  'firearms.read': ['licensing_officer', 'supervisor', 'inspector', 'analyst'],
  'firearms.write': ['licensing_officer', 'supervisor', 'inspector'],
  'firearms.control': ['licensing_officer', 'supervisor'],
  'firearms.configure': [],
  'returns.read': ['licensing_officer', 'supervisor', 'inspector', 'analyst'],
  'returns.import': [],
  'returns.undo': [],
  'backups.manage': [],
  'field.export': ['supervisor'],
  'field.import': ['supervisor'],
  'field.return': ['supervisor', 'inspector'],
  'inspections.read': ['licensing_officer', 'supervisor', 'inspector', 'analyst'],
  'inspections.write': ['supervisor', 'inspector'],
  'inspections.review': ['supervisor'],
  'checklists.manage': [],
  'certifications.read': ['licensing_officer', 'supervisor', 'inspector', 'analyst'],
  'certifications.write': ['licensing_officer', 'supervisor'],
  'documents.read': ['licensing_officer', 'supervisor', 'inspector', 'analyst'],
  'documents.issue': ['supervisor'],
  'signing.manage': [],
  'grievances.read': ALL_STAFF,
  'grievances.write': ['licensing_officer', 'supervisor'],
  'grievances.decide': ['supervisor'],
  'grievances.identity': ['supervisor'],
  'incidents.read': ALL_STAFF,
  'incidents.write': ['licensing_officer', 'supervisor', 'inspector'],
  'incidents.review': ['supervisor'],
  'statistics.read': ALL_STAFF,
  'accountability.publish': ['supervisor', 'analyst'],
  'accountability.report': ['supervisor', 'analyst'],
} as const satisfies Record<string, readonly Exclude<Role, 'administrator'>[]>;

export type Permission = keyof typeof GRANTS;
export const PERMISSIONS = Object.keys(GRANTS) as Permission[];

/** Who may do what. Everything else is refused with FORBIDDEN by the gate. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = Object.fromEntries(
  ROLES.map((role) => [role, role === 'administrator' ? PERMISSIONS : PERMISSIONS.filter((p) => (GRANTS[p] as readonly Role[]).includes(role))]),
) as unknown as Record<Role, readonly Permission[]>;

export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
