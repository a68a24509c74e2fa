import type { Db } from '../../store/db.ts';
import type { User } from '../../../shared/commands/users.ts';
import type { Role } from '../../../shared/model/roles.ts';

interface UserRow {
  id: string; username: string; display_name: string; role: Role; active: number; must_change_password: number;
  created_at: string; updated_at: string; created_by: string | null;
}

export function hydrateUser(r: UserRow): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    active: r.active === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findUserByUsername(db: Db, username: string): User | null {
  const r = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return r ? hydrateUser(r) : null;
}

export function findUserById(db: Db, id: string): User | null {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return r ? hydrateUser(r) : null;
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY username').all() as UserRow[]).map(hydrateUser);
}

export function insertUser(db: Db, u: Omit<User, 'createdAt' | 'updatedAt'>, now: string, createdBy: string | null): void {
  db.prepare(
    `INSERT INTO users (id, username, display_name, role, active, must_change_password, created_at, updated_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(u.id, u.username, u.displayName, u.role, u.active ? 1 : 0, u.mustChangePassword ? 1 : 0, now, now, createdBy);
}

export function updateUserRow(db: Db, id: string, patch: Partial<Pick<User, 'displayName' | 'role' | 'active' | 'mustChangePassword'>>, now: string): void {
  const cur = findUserById(db, id);
  if (!cur) return;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = { ...cur, ...defined };
  db.prepare('UPDATE users SET display_name = ?, role = ?, active = ?, must_change_password = ?, updated_at = ? WHERE id = ?').run(
    next.displayName, next.role, next.active ? 1 : 0, next.mustChangePassword ? 1 : 0, now, id,
  );
}

export function countActiveAdmins(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM users WHERE role = 'administrator' AND active = 1`).get() as { n: number }).n;
}
