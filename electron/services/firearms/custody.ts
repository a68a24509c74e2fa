import type { Db } from '../../store/db.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { CustodyReason } from '../../../shared/model/firearms.ts';
import { CUSTODY_ACCOUNTED_STATES, type FirearmState } from '../../../shared/model/firearmLifecycle.ts';
import { addEvent } from './firearms.write.ts';

const accountedList = CUSTODY_ACCOUNTED_STATES.map((s) => `'${s}'`).join(',');

/**
 * Opens the custody list of a company whose licence was suspended, revoked or expired: every weapon
 * it still owns that is not already seized, handed to the state or destroyed must be accounted for.
 *
 * The licensing area must call this inside its own transition transaction (suspend, revoke, expire),
 * so the licence decision and the list commit together. Idempotent: if the company already has an
 * open list, that list is returned (weapons registered since are added to it). A company with no
 * weapon to account for gets a list opened and closed at once, as a record that it was checked.
 */
export function openCustodyForCompany(db: Db, companyId: string, reason: CustodyReason, now: string, userId: string | null = null): string {
  const open = db.prepare('SELECT id FROM custody_lists WHERE company_id = ? AND closed_at IS NULL').get(companyId) as { id: string } | undefined;
  const listId = open?.id ?? uuidv7();
  if (!open) {
    db.prepare('INSERT INTO custody_lists (id, company_id, reason, opened_at, closed_at, created_at, created_by) VALUES (?, ?, ?, ?, NULL, ?, ?)')
      .run(listId, companyId, reason, now, now, userId);
  }
  const weapons = db.prepare(`SELECT id, state FROM firearms WHERE company_id = ? AND state NOT IN (${accountedList})
    AND id NOT IN (SELECT firearm_id FROM custody_items WHERE list_id = ?)`).all(companyId, listId) as { id: string; state: FirearmState }[];
  const ins = db.prepare('INSERT INTO custody_items (list_id, firearm_id, state_at_open, accounted_at, accounted_state) VALUES (?, ?, ?, NULL, NULL)');
  for (const w of weapons) {
    ins.run(listId, w.id, w.state);
    addEvent(db, { firearmId: w.id, kind: 'custodyListed', occurredAt: now.slice(0, 19), companyId, details: { listId, reason } }, now, userId);
  }
  closeIfAccounted(db, listId, now);
  return listId;
}

/**
 * After any change to a weapon: an open custody item is accounted for once the weapon is seized,
 * handed to the state, destroyed or has left the company (transfer); the list closes at zero.
 */
export function refreshCustodyForFirearm(db: Db, firearmId: string, now: string): void {
  const items = db.prepare(`SELECT i.list_id, l.company_id FROM custody_items i JOIN custody_lists l ON l.id = i.list_id
    WHERE i.firearm_id = ? AND i.accounted_at IS NULL AND l.closed_at IS NULL`).all(firearmId) as { list_id: string; company_id: string }[];
  if (items.length === 0) return;
  const f = db.prepare('SELECT state, company_id FROM firearms WHERE id = ?').get(firearmId) as { state: FirearmState; company_id: string };
  for (const it of items) {
    const gone = f.company_id !== it.company_id;
    if (!gone && !CUSTODY_ACCOUNTED_STATES.includes(f.state)) continue;
    db.prepare('UPDATE custody_items SET accounted_at = ?, accounted_state = ? WHERE list_id = ? AND firearm_id = ?')
      .run(now, gone ? 'transferredToCompany' : f.state, it.list_id, firearmId);
    closeIfAccounted(db, it.list_id, now);
  }
}

function closeIfAccounted(db: Db, listId: string, now: string): void {
  const left = (db.prepare('SELECT count(*) AS n FROM custody_items WHERE list_id = ? AND accounted_at IS NULL').get(listId) as { n: number }).n;
  if (left === 0) db.prepare('UPDATE custody_lists SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(now, listId);
}
