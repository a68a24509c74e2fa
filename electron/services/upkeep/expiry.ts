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
  const notSkipped = <T extends { id: string }>(rows: T[]) => rows.filter((r) => !skip.has(r.id)).slice(0, limit);

  // IMMEDIATE: the pass takes the write lock before its first read, so it waits (busy timeout)
  // for an import's commit instead of failing halfway; if it still cannot, it ends untouched.
  return db.transaction((): ExpiryPass => {
    const people = notSkipped(credentialsPastExpiry(db, today, limit + skip.size).map((id) => ({ id })));
    let personCount = 0;
    for (const p of people) {
      if (attempt('person', p.id, () => expireCredentialByCalendar(db, p.id, { today, now, audit: (n) => journal(n.entityType, n.entityId, n.payload) }))) personCount++;
    }

    const licences = notSkipped(db.prepare(`SELECT id FROM licences WHERE state = 'active' AND expires_on < ? ORDER BY expires_on, id LIMIT ?`)
      .all(today, limit + skip.size) as { id: string }[]);
    let licenceCount = 0;
    for (const l of licences) {
      const ok = attempt('licence', l.id, () => {
        const r = applyLicenceTransition(db, { licenceId: l.id, action: 'expire', actor: CALENDAR, today, now });
        journal('licence', l.id, { action: 'expire', from: r.from, to: r.to, eventId: r.eventId });
      });
      if (ok) licenceCount++;
    }

    const certs = notSkipped(db.prepare(`SELECT id, version FROM certifications WHERE status IN ('certified', 'suspended') AND expires_on < ? ORDER BY expires_on, id LIMIT ?`)
      .all(today, limit + skip.size) as { id: string; version: number }[]);
    let certCount = 0;
    for (const c of certs) {
      const ok = attempt('certification', c.id, () => {
        const move = transitionCertification(db, c.id, c.version, 'expire', CALENDAR, now, null);
        journal('certification', c.id, { ...move, action: 'expire' });
      });
      if (ok) certCount++;
    }
    return {
      credentials: personCount, licences: licenceCount, certifications: certCount, failed,
      more: people.length === limit || licences.length === limit || certs.length === limit,
    };
  }).immediate();
}

/** A refusal that belongs to one record: the state machine said no, or a constraint of its row did. */
function isRecordRefusal(e: unknown): boolean {
  if (e instanceof AppError) return true;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
