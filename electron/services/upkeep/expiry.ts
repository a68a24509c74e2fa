import type { Db } from '../../store/db.ts';
import { appendJournal } from '../../store/journal.ts';
import { AppError } from '../../../shared/errors.ts';
import { credentialsPastExpiry, expireCredentialByCalendar } from '../personnel/credentials.ts';
import { applyLicenceTransition } from '../licensing/licences.transition.ts';
import { CALENDAR } from '../../core/calendar.ts';
import { transitionCertification } from '../audits/certifications.repo.ts';

export interface ExpiryCounts {
  credentials: number;
  licences: number;
  certifications: number;
}

/** What one pass changed, and whether more is waiting (the pass stops at `limit` of each kind). */
export interface ExpiryPass extends ExpiryCounts {
  more: boolean;
  /** Records that could not be expired (their transition refused); left for an officer. */
  failed: { entityType: string; entityId: string; messageKey: string }[];
}

/**
 * One pass of the calendar's changes, in one transaction: credentials, licences and
 * certifications whose expiry date is before `today` (the workstation's date) move to Expired
 * through their own state machines, with no user on their events, each with a journal entry
 * `upkeep.expire`. A licence in Renewal filed is not touched: a renewal filed in the window keeps
 * it valid while pending. A licence's expiry opens the company's custody list as an officer's
 * would. A record whose transition is refused is skipped (and reported) rather than blocking the
 * rest: each one runs in its own savepoint. `skip` holds records already refused this day.
 */
export function expireDue(db: Db, o: { today: string; now: string; limit: number; skip: Set<string> }): ExpiryPass {
  const { today, now, limit, skip } = o;
  const failed: ExpiryPass['failed'] = [];
  const journal = (entityType: string, entityId: string, payload: unknown) =>
    appendJournal(db, { at: now, userId: null, username: null, command: 'upkeep.expire', entityType, entityId, payload });
  const attempt = (entityType: string, entityId: string, fn: () => void): boolean => {
    try {
      db.transaction(fn)(); // a savepoint inside the pass
      return true;
    } catch (e) {
      // Only a refusal of this record is skipped. A busy, full or failing database is not the
      // record's fault: it ends the pass (rolled back) and the upkeep tries again later.
      if (!isRecordRefusal(e)) throw e;
      const key = (e as { data?: { messageKey?: string } }).data?.messageKey ?? 'errors.internal';
      failed.push({ entityType, entityId, messageKey: key });
      skip.add(entityId);
      return false;
    }
  };
  /** One kind of record the calendar expires: which are due (oldest first, at most `n`) and how one expires. */
  interface Source { count: keyof ExpiryCounts; entityType: string; due(n: number): { id: string; version?: number }[]; expire(r: { id: string; version?: number }): void }
  const sources: Source[] = [
    {
      count: 'credentials', entityType: 'person',
      due: (n) => credentialsPastExpiry(db, today, n).map((id) => ({ id })),
      expire: (r) => expireCredentialByCalendar(db, r.id, { today, now, audit: (x) => journal(x.entityType, x.entityId, x.payload) }),
    },
    {
      count: 'licences', entityType: 'licence',
      due: (n) => db.prepare(`SELECT id FROM licences WHERE state = 'active' AND expires_on < ? ORDER BY expires_on, id LIMIT ?`).all(today, n) as { id: string }[],
      expire: (r) => {
        const t = applyLicenceTransition(db, { licenceId: r.id, action: 'expire', actor: CALENDAR, today, now });
        journal('licence', r.id, { action: 'expire', from: t.from, to: t.to, eventId: t.eventId });
      },
    },
    {
      count: 'certifications', entityType: 'certification',
      due: (n) => db.prepare(`SELECT id, version FROM certifications WHERE status IN ('certified', 'suspended') AND expires_on < ? ORDER BY expires_on, id LIMIT ?`).all(today, n) as { id: string; version: number }[],
      expire: (r) => journal('certification', r.id, { ...transitionCertification(db, r.id, r.version!, 'expire', CALENDAR, now, null), action: 'expire' }),
    },
  ];

  // IMMEDIATE: the pass takes the write lock before its first read, so it waits (busy timeout)
  // for an import's commit instead of failing halfway; if it still cannot, it ends untouched.
  return db.transaction((): ExpiryPass => {
    const pass: ExpiryPass = { credentials: 0, licences: 0, certifications: 0, failed, more: false };
    for (const src of sources) {
      // Records refused earlier today are passed over; the pass still takes `limit` others.
      const rows = src.due(limit + skip.size).filter((r) => !skip.has(r.id)).slice(0, limit);
      for (const r of rows) if (attempt(src.entityType, r.id, () => src.expire(r))) pass[src.count]++;
      if (rows.length === limit) pass.more = true;
    }
    return pass;
  }).immediate();
}

/** A refusal that belongs to one record: the state machine said no, or a constraint of its row did. */
function isRecordRefusal(e: unknown): boolean {
  if (e instanceof AppError) return true;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
