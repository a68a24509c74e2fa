import type { z } from 'zod';
import type { Db } from '../../store/db.ts';
import type { grievanceQuery } from '../../../shared/commands/grievances.ts';
import { normalizeReferenceCode } from '../../../shared/model/referenceCode.ts';
import type { AccountabilityDeadlines } from '../../../shared/model/accountabilityDeadlines.ts';
import { linkedToPersonSql } from '../accountability/people.repo.ts';
import { GRIEVANCE_SELECT, hydrateGrievance, type GrievanceSqlRow } from './grievances.repo.ts';

type Q = z.output<typeof grievanceQuery>;

/** SQL for "the stage's due moment" with the agency's days as parameters (julian days). */
function dueExpr(d: AccountabilityDeadlines): { sql: string; params: number[] } {
  const g = d.grievanceDays;
  return {
    sql: `(julianday(g.stage_entered_at) + CASE g.status WHEN 'received' THEN ? WHEN 'admissibility' THEN ? WHEN 'investigation' THEN ? WHEN 'remedy' THEN ? ELSE 1e6 END)`,
    params: [g.received, g.admissibility, g.investigation, g.remedy],
  };
}

const ORDER: Record<Q['sort'], string> = {
  receivedAt: 'g.received_at',
  referenceCode: 'g.reference_code',
  status: 'g.status',
  category: 'g.category',
  dueAt: '', // computed
};

/** One page of grievances: filters, search (reference code, company, summary), the person concerned, and sort in SQL. */
export function listGrievances(db: Db, q: Q, d: AccountabilityDeadlines, now: string) {
  const parts: string[] = [];
  const params: unknown[] = [];
  const s = q.search.trim();
  if (s) {
    const code = normalizeReferenceCode(s);
    if (code) { parts.push('g.reference_code = ?'); params.push(code); } else {
      const like = `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      parts.push(`(c.legal_name LIKE ? ESCAPE '\\' OR c.trade_name LIKE ? ESCAPE '\\' OR g.summary LIKE ? ESCAPE '\\' OR g.reference_code LIKE ? ESCAPE '\\')`);
      params.push(like, like, like, like);
    }
  }
  if (q.status) { parts.push('g.status = ?'); params.push(q.status); }
  if (q.category) { parts.push('g.category = ?'); params.push(q.category); }
  if (q.companyId) { parts.push('g.company_id = ?'); params.push(q.companyId); }
  if (q.retaliation != null) { parts.push('g.retaliation_concern = ?'); params.push(q.retaliation ? 1 : 0); }
  // Linked guards only: the complainants' table is never searched by person (their identity stays behind getIdentity).
  if (q.personId) { parts.push(linkedToPersonSql('grievance', 'g')); params.push(q.personId); }
  const due = dueExpr(d);
  if (q.overdue != null) {
    parts.push(`(g.status NOT IN ('closed', 'referred') AND ${due.sql} < julianday(?)) = ?`);
    params.push(...due.params, now, q.overdue ? 1 : 0);
  }
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const orderParams = q.sort === 'dueAt' ? due.params : [];
  const order = q.sort === 'dueAt' ? `${due.sql} ${dir}, g.id ${dir}` : `${ORDER[q.sort]} ${dir}, g.id ${dir}`;
  const rows = db.prepare(`${GRIEVANCE_SELECT} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, ...orderParams, q.limit, q.offset) as GrievanceSqlRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM grievances g LEFT JOIN companies c ON c.id = g.company_id ${where}`).get(...params) as { n: number }).n;
  return { rows: rows.map((r) => hydrateGrievance(r, d, now)), total };
}

/** Companies named in grievances that raise a fear of retaliation, most recent first. */
export function retaliationFlags(db: Db, companyId: string | null) {
  return (db.prepare(`SELECT g.company_id AS companyId, c.legal_name AS companyName, count(*) AS grievances,
      sum(g.status NOT IN ('closed', 'referred')) AS open, max(g.received_at) AS lastAt
    FROM grievances g JOIN companies c ON c.id = g.company_id
    WHERE g.retaliation_concern = 1 ${companyId ? 'AND g.company_id = ?' : ''}
    GROUP BY g.company_id ORDER BY lastAt DESC`).all(...(companyId ? [companyId] : [])) as {
    companyId: string; companyName: string; grievances: number; open: number; lastAt: string;
  }[]);
}
