import type { Db } from '../../store/db.ts';
import { AppError } from '../../../shared/errors.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { AmmoLot } from '../../../shared/commands/ammunition.ts';
import type { AmmoMovementKind, AmmoType } from '../../../shared/model/firearms.ts';
import type { Handlers } from '../../core/context.ts';
import { labelOf, resolveCalibre } from './calibres.repo.ts';
import { requireArmoryOf, requireCompany } from './firearms.write.ts';

interface LotSqlRow {
  id: string; company_id: string; company_name: string; armory_id: string | null; armory_name: string | null; calibre_code: string;
  ammo_type: AmmoType; lot_number: string; manufacturer: string; balance: number; last_count_declared: number | null;
  last_count_counted: number | null; last_count_register: number | null; last_count_on: string | null; version: number; updated_at: string;
}

const SELECT = `SELECT l.*, c.legal_name AS company_name, a.name AS armory_name FROM ammo_lots l
  JOIN companies c ON c.id = l.company_id LEFT JOIN armories a ON a.id = l.armory_id`;
const DISCREPANCY = 'l.last_count_on IS NOT NULL AND (l.last_count_counted <> l.last_count_declared OR l.last_count_counted <> l.last_count_register)';

function hydrate(db: Db, r: LotSqlRow): AmmoLot {
  const lastCount = r.last_count_on === null ? null
    : { on: r.last_count_on, declared: r.last_count_declared!, counted: r.last_count_counted!, register: r.last_count_register! };
  return {
    id: r.id, companyId: r.company_id, companyName: r.company_name, armoryId: r.armory_id, armoryName: r.armory_name,
    calibreCode: r.calibre_code, calibre: labelOf(db, r.calibre_code), ammoType: r.ammo_type, lotNumber: r.lot_number,
    manufacturer: r.manufacturer, balance: r.balance, lastCount,
    discrepancy: lastCount !== null && (lastCount.counted !== lastCount.declared || lastCount.counted !== lastCount.register),
    version: r.version, updatedAt: r.updated_at,
  };
}

function mustLot(db: Db, id: string): LotSqlRow {
  const r = db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LotSqlRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'errors.lotNotFound', {}, 'lotId');
  return r;
}

/** Finds or creates the lot row for an identity (company, armory, calibre, lot number, manufacturer). */
function lotFor(db: Db, k: { companyId: string; armoryId: string | null; calibreCode: string; calibreWritten: string; ammoType: AmmoType; lotNumber: string; manufacturer: string }, now: string, userId: string): string {
  const found = db.prepare(`SELECT id, ammo_type FROM ammo_lots WHERE company_id = ? AND ifnull(armory_id, '') = ? AND calibre_code = ? AND lot_number = ? AND manufacturer = ?`)
    .get(k.companyId, k.armoryId ?? '', k.calibreCode, k.lotNumber, k.manufacturer) as { id: string; ammo_type: string } | undefined;
  if (found) return found.id;
  const id = uuidv7();
  db.prepare(`INSERT INTO ammo_lots (id, company_id, armory_id, calibre_code, calibre_written, ammo_type, lot_number, manufacturer, balance, version, created_at, updated_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?)`).run(id, k.companyId, k.armoryId, k.calibreCode, k.calibreWritten, k.ammoType, k.lotNumber, k.manufacturer, now, now, userId);
  return id;
}

/**
 * Moves the balance of one lot by `delta` and records the movement. A movement that would leave
 * the balance below zero is refused (the CHECK constraint is the last line, this the message).
 */
function move(db: Db, lotId: string, kind: AmmoMovementKind, delta: number, m: { reason?: string | null; counterpart?: string | null; on: string; note?: string | null }, now: string, userId: string): void {
  const lot = db.prepare('SELECT balance FROM ammo_lots WHERE id = ?').get(lotId) as { balance: number };
  const after = lot.balance + delta;
  if (after < 0) throw AppError.validation('quantity', 'errors.ammoNegativeBalance', { balance: lot.balance, quantity: -delta });
  db.prepare('UPDATE ammo_lots SET balance = ?, version = version + 1, updated_at = ? WHERE id = ?').run(after, now, lotId);
  db.prepare(`INSERT INTO ammo_movements (id, lot_id, kind, reason, quantity, balance_after, counterpart_lot_id, occurred_on, note, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(uuidv7(), lotId, kind, m.reason ?? null, delta, after, m.counterpart ?? null, m.on, m.note ?? null, now, userId);
}

type AmmoCommand = 'ammunition.receive' | 'ammunition.consume' | 'ammunition.transfer' | 'ammunition.count' | 'ammunition.list' | 'ammunition.balances' | 'ammunition.movements';

/** Ammunition lots: receipts, consumption, transfers, counts; balance never negative. */
export const ammunitionHandlers: Handlers<AmmoCommand> = {
  'ammunition.receive': (ctx, input) => {
    const calibre = resolveCalibre(ctx.db, input.calibre, 'calibre');
    if (calibre.components.length > 1) throw AppError.validation('calibre', 'errors.ammoSingleCalibre');
    requireCompany(ctx.db, input.companyId, 'companyId');
    requireArmoryOf(ctx.db, input.armoryId, input.companyId, 'armoryId');
    const now = ctx.nowIso();
    const lotId = lotFor(ctx.db, { ...input, calibreCode: calibre.code, calibreWritten: input.calibre }, now, ctx.user!.id);
    move(ctx.db, lotId, 'receipt', input.quantity, { on: input.date, note: input.note }, now, ctx.user!.id);
    const after = hydrate(ctx.db, mustLot(ctx.db, lotId));
    ctx.audit({ entityType: 'ammoLot', entityId: lotId, payload: { receipt: input.quantity, balance: after.balance } });
    return after;
  },
  'ammunition.consume': (ctx, input) => {
    mustLot(ctx.db, input.lotId);
    move(ctx.db, input.lotId, 'consumption', -input.quantity, { reason: input.reason, on: input.date, note: input.note }, ctx.nowIso(), ctx.user!.id);
    const after = hydrate(ctx.db, mustLot(ctx.db, input.lotId));
    ctx.audit({ entityType: 'ammoLot', entityId: input.lotId, payload: { consumption: input.quantity, reason: input.reason, balance: after.balance } });
    return after;
  },
  'ammunition.transfer': (ctx, input) => {
    const from = mustLot(ctx.db, input.lotId);
    requireCompany(ctx.db, input.toCompanyId, 'toCompanyId');
    requireArmoryOf(ctx.db, input.toArmoryId, input.toCompanyId, 'toArmoryId');
    if (input.toCompanyId === from.company_id && (input.toArmoryId ?? null) === from.armory_id) throw AppError.validation('toArmoryId', 'errors.ammoTransferSameLot');
    const now = ctx.nowIso();
    const calibreWritten = (ctx.db.prepare('SELECT calibre_written FROM ammo_lots WHERE id = ?').get(from.id) as { calibre_written: string }).calibre_written;
    const toId = lotFor(ctx.db, { companyId: input.toCompanyId, armoryId: input.toArmoryId, calibreCode: from.calibre_code, calibreWritten, ammoType: from.ammo_type, lotNumber: from.lot_number, manufacturer: from.manufacturer }, now, ctx.user!.id);
    move(ctx.db, from.id, 'transferOut', -input.quantity, { counterpart: toId, on: input.date, note: input.note }, now, ctx.user!.id);
    move(ctx.db, toId, 'transferIn', input.quantity, { counterpart: from.id, on: input.date, note: input.note }, now, ctx.user!.id);
    const out = { from: hydrate(ctx.db, mustLot(ctx.db, from.id)), to: hydrate(ctx.db, mustLot(ctx.db, toId)) };
    ctx.audit({ entityType: 'ammoLot', entityId: from.id, payload: { transfer: input.quantity, to: toId } });
    return out;
  },
  'ammunition.count': (ctx, input) => {
    const lot = mustLot(ctx.db, input.lotId);
    ctx.db.prepare('UPDATE ammo_lots SET last_count_declared = ?, last_count_counted = ?, last_count_register = ?, last_count_on = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(input.declared, input.counted, lot.balance, input.date, ctx.nowIso(), lot.id);
    const after = hydrate(ctx.db, mustLot(ctx.db, lot.id));
    ctx.audit({ entityType: 'ammoLot', entityId: lot.id, payload: { count: after.lastCount, discrepancy: after.discrepancy } });
    return after;
  },
  'ammunition.list': (ctx, input) => {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (input.companyId) { parts.push('l.company_id = ?'); params.push(input.companyId); }
    if (input.armoryId) { parts.push('l.armory_id = ?'); params.push(input.armoryId); }
    if (input.calibreCode) { parts.push('l.calibre_code = ?'); params.push(input.calibreCode); }
    if (input.discrepancyOnly) parts.push(`(${DISCREPANCY})`);
    const w = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const rows = ctx.db.prepare(`${SELECT} ${w} ORDER BY c.legal_name COLLATE NOCASE, l.calibre_code, l.lot_number, l.id LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as LotSqlRow[];
    const total = (ctx.db.prepare(`SELECT count(*) AS n FROM ammo_lots l ${w}`).get(...params) as { n: number }).n;
    return { rows: rows.map((r) => hydrate(ctx.db, r)), total };
  },
  'ammunition.balances': (ctx, input) => {
    const rows = ctx.db.prepare(`SELECT l.company_id, c.legal_name AS company_name, l.armory_id, a.name AS armory_name, l.calibre_code, sum(l.balance) AS rounds, count(*) AS lots
      FROM ammo_lots l JOIN companies c ON c.id = l.company_id LEFT JOIN armories a ON a.id = l.armory_id
      ${input.companyId ? 'WHERE l.company_id = ?' : ''} GROUP BY l.company_id, l.armory_id, l.calibre_code ORDER BY c.legal_name COLLATE NOCASE, a.name, l.calibre_code`)
      .all(...(input.companyId ? [input.companyId] : [])) as { company_id: string; company_name: string; armory_id: string | null; armory_name: string | null; calibre_code: string; rounds: number; lots: number }[];
    return rows.map((r) => ({ companyId: r.company_id, companyName: r.company_name, armoryId: r.armory_id, armoryName: r.armory_name, calibreCode: r.calibre_code, calibre: labelOf(ctx.db, r.calibre_code), rounds: r.rounds, lots: r.lots }));
  },
  'ammunition.movements': (ctx, input) => {
    mustLot(ctx.db, input.lotId);
    const rows = ctx.db.prepare(`SELECT m.*, c.legal_name || coalesce(' · ' || a.name, '') AS counterpart_label FROM ammo_movements m
      LEFT JOIN ammo_lots o ON o.id = m.counterpart_lot_id LEFT JOIN companies c ON c.id = o.company_id LEFT JOIN armories a ON a.id = o.armory_id
      WHERE m.lot_id = ? ORDER BY m.occurred_on, m.created_at, m.id`).all(input.lotId) as {
      id: string; kind: AmmoMovementKind; reason: string | null; quantity: number; balance_after: number; counterpart_lot_id: string | null;
      counterpart_label: string | null; occurred_on: string; note: string | null; created_at: string;
    }[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, reason: r.reason, quantity: r.quantity, balanceAfter: r.balance_after, counterpartLotId: r.counterpart_lot_id, counterpartLabel: r.counterpart_label, occurredOn: r.occurred_on, note: r.note, createdAt: r.created_at }));
  },
};
