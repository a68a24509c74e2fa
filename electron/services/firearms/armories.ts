import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { Armory, armoryFields } from '../../../shared/commands/armories.ts';
import type { AlarmLink } from '../../../shared/model/firearms.ts';
import type { Handlers } from '../../core/context.ts';
import { requireCompany } from './firearms.write.ts';

type Fields = z.output<typeof armoryFields>;

interface ArmorySqlRow {
  id: string; company_id: string; company_name: string; name: string; address: string; city: string | null; construction: string | null;
  locks: string | null; alarm_link: AlarmLink; cameras: number; retention_days: number | null; key_custodians: string;
  last_assessment_score: number | null; last_assessment_at: string | null; version: number; updated_at: string;
  firearms: number; lots: number; rounds: number;
}

const SELECT = `SELECT a.*, c.legal_name AS company_name,
  (SELECT count(*) FROM firearms f WHERE f.armory_id = a.id AND f.state NOT IN ('transferred','destroyed')) AS firearms,
  (SELECT count(*) FROM ammo_lots l WHERE l.armory_id = a.id AND l.balance > 0) AS lots,
  (SELECT coalesce(sum(balance), 0) FROM ammo_lots l WHERE l.armory_id = a.id) AS rounds
  FROM armories a JOIN companies c ON c.id = a.company_id`;

function hydrate(r: ArmorySqlRow): Armory {
  return {
    id: r.id, companyId: r.company_id, companyName: r.company_name, name: r.name, address: r.address, city: r.city,
    construction: r.construction, locks: r.locks, alarmLink: r.alarm_link, cameras: r.cameras, retentionDays: r.retention_days,
    keyCustodians: JSON.parse(r.key_custodians) as Armory['keyCustodians'], lastAssessmentScore: r.last_assessment_score,
    lastAssessmentAt: r.last_assessment_at, firearms: r.firearms, lots: r.lots, rounds: r.rounds, version: r.version, updatedAt: r.updated_at,
  };
}

export function loadArmory(db: Db, id: string): Armory | null {
  const r = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ArmorySqlRow | undefined;
  return r ? hydrate(r) : null;
}

/**
 * Records the score of the latest assessment of an armory. The audits area calls this when an
 * inspection of the armory is issued; until then the column stays empty.
 */
export function setArmoryAssessment(db: Db, armoryId: string, score: number, at: string): void {
  db.prepare('UPDATE armories SET last_assessment_score = ?, last_assessment_at = ? WHERE id = ?').run(score, at, armoryId);
}

function mustLoad(db: Db, id: string): Armory {
  const a = loadArmory(db, id);
  if (!a) throw new AppError('NOT_FOUND', 'errors.armoryNotFound', {}, 'id');
  return a;
}

const values = (f: Fields) => [f.name, f.address, f.city, f.construction, f.locks, f.alarmLink, f.cameras, f.retentionDays, JSON.stringify(f.keyCustodians)];

type ArmoriesCommand = 'armories.create' | 'armories.update' | 'armories.get' | 'armories.list';

/** Armories (facilities) of each company, with what is stored there. */
export const armoriesHandlers: Handlers<ArmoriesCommand> = {
  'armories.create': (ctx, input) => {
    requireCompany(ctx.db, input.companyId, 'companyId');
    const id = uuidv7();
    const now = ctx.nowIso();
    ctx.db.prepare(`INSERT INTO armories (id, company_id, name, address, city, construction, locks, alarm_link, cameras, retention_days, key_custodians,
      last_assessment_score, last_assessment_at, version, created_at, updated_at, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 1, ?, ?, ?, ?)`)
      .run(id, input.companyId, ...values(input), now, now, ctx.user!.id, ctx.user!.id);
    const after = mustLoad(ctx.db, id);
    ctx.audit({ entityType: 'armory', entityId: id, payload: { after } });
    return after;
  },
  'armories.update': (ctx, input) => {
    const before = mustLoad(ctx.db, input.id);
    if (input.fields.companyId !== before.companyId) throw AppError.validation('companyId', 'errors.armoryCompanyFixed');
    const r = ctx.db.prepare(`UPDATE armories SET name = ?, address = ?, city = ?, construction = ?, locks = ?, alarm_link = ?, cameras = ?, retention_days = ?,
      key_custodians = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`)
      .run(...values(input.fields), ctx.nowIso(), ctx.user!.id, input.id, input.version);
    if (r.changes !== 1) throw new AppError('CONFLICT', 'errors.armoryStale');
    const after = mustLoad(ctx.db, input.id);
    ctx.audit({ entityType: 'armory', entityId: input.id, payload: { before, after } });
    return after;
  },
  'armories.get': (ctx, input) => mustLoad(ctx.db, input.id),
  'armories.list': (ctx, input) => {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (input.companyId) { parts.push('a.company_id = ?'); params.push(input.companyId); }
    if (input.search) { parts.push("(a.name LIKE ? ESCAPE '\\' OR c.legal_name LIKE ? ESCAPE '\\' OR a.city LIKE ? ESCAPE '\\')"); const s = `%${input.search.replace(/[\\%_]/g, '\\$&')}%`; params.push(s, s, s); }
    const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const rows = ctx.db.prepare(`${SELECT} ${w} ORDER BY c.legal_name COLLATE NOCASE, a.name COLLATE NOCASE, a.id LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as ArmorySqlRow[];
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM armories a JOIN companies c ON c.id = a.company_id ${w}`).get(...params) as { n: number }).n;
    return { rows: rows.map(hydrate), total };
  },
};
