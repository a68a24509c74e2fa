import type { Handlers } from '../../core/context.ts';
import { verifyJournal } from '../../store/journal.ts';

/** Reading and checking the hash-chained journal. */
export const journalHandlers: Handlers<'journal.list' | 'journal.verify'> = {
  'journal.list': (ctx, q) => {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (q.username) { parts.push('username = ?'); params.push(q.username.toLowerCase()); }
    if (q.entityType) { parts.push('entity_type = ?'); params.push(q.entityType); }
    if (q.entityId) { parts.push('entity_id = ?'); params.push(q.entityId); }
    if (q.from) { parts.push('at >= ?'); params.push(`${q.from}T00:00:00.000Z`); }
    if (q.to) { parts.push('at <= ?'); params.push(`${q.to}T23:59:59.999Z`); }
    const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const rows = ctx.db.prepare(`SELECT * FROM journal ${w} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as {
      seq: number; at: string; user_id: string | null; username: string | null; command: string; entity_type: string | null;
      entity_id: string | null; digest: string; hash: string;
    }[];
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM journal ${w}`).get(...params) as { n: number }).n;
    return {
      total,
      rows: rows.map((r) => ({
        seq: r.seq, at: r.at, userId: r.user_id, username: r.username, command: r.command,
        entityType: r.entity_type, entityId: r.entity_id, digest: r.digest, hash: r.hash,
      })),
    };
  },
  'journal.verify': (ctx) => verifyJournal(ctx.db),
};
