import { describe, expect, it } from 'vitest';
import { RecordStore } from '../../electron/services/returns/records.ts';
import { pendingDate, settleDate } from '../../electron/services/returns/values.ts';

describe('dates as companies write them', () => {
  const iso = (text: string, order: 'dmy' | 'mdy' | null = 'dmy') => { const p = pendingDate(text); return p ? settleDate(p, order) : undefined; };
  it('settles real days and refuses days that do not exist', () => {
    expect(iso('29/02/2024')).toBe('2024-02-29');
    expect(iso('29/02/2025')).toBeNull();
    expect(iso('29/02/1900')).toBeNull(); // 1900 was not a leap year
    expect(iso('29/02/2000')).toBe('2000-02-29');
    expect(iso('31/04/2026')).toBeNull();
    expect(iso('30/04/2026')).toBe('2026-04-30');
    expect(iso('31/12/2026')).toBe('2026-12-31');
    expect(iso('1/2/2026', 'mdy')).toBe('2026-01-02');
    expect(iso('2026-13-01')).toBeNull();
    expect(iso('2026-1-5')).toBe('2026-01-05');
    expect(iso('05/03/1899')).toBeNull();
  });
  it('leaves a day/month pair alone until the order is known', () => {
    expect(pendingDate('05/03/1990')).toEqual({ a: 5, b: 3, y: 1990, raw: '05/03/1990' });
    expect(iso('05/03/1990', null)).toBeNull();
    expect(pendingDate('25/03/1990')).toEqual({ a: 25, b: 3, y: 1990, raw: '25/03/1990' });
  });
});

describe('the packed record store', () => {
  it('gives back exactly what was added, whatever the text holds', () => {
    const store = new RecordStore();
    const ctx = store.context('personal.csv', 'PERSONNEL', 'Hoja1', { national_id: 'DPI' });
    const tricky = ['a\x1fb', '\x02x', '\x03y', '', '  ', 'Ñandú "Pérez"', '0', '12.0'];
    tricky.forEach((t, i) => store.add(ctx, i + 5, { national_id: `ID-${i}`, full_name: t, training_hours: i === 0 ? 0 : i * 10, role: null }, null));
    store.add(ctx, 99, { national_id: '77', credential_expiry: null }, { credential_expiry: pendingDate('05/03/2027') as never });
    expect(store.length).toBe(tricky.length + 1);
    tricky.forEach((t, i) => {
      const r = store.get(i);
      expect(r).toMatchObject({ file: 'personal.csv', sheet: 'PERSONNEL', sheetName: 'Hoja1', row: i + 5, dates: null, cols: { national_id: 'DPI' } });
      expect(r.v.full_name).toBe(t);
      expect(r.v.training_hours).toBe(i === 0 ? 0 : i * 10);
      expect(r.v.role).toBeNull();
      expect(r.v.birth_date).toBeNull(); // not in the file: null, like an empty cell
    });
    const pending = store.get(tricky.length);
    expect(store.pendingDates).toEqual([tricky.length]);
    expect(pending.dates).toEqual({ credential_expiry: { a: 5, b: 3, y: 2027, raw: '05/03/2027' } });
    pending.v.credential_expiry = settleDate(pending.dates!.credential_expiry, 'dmy');
    pending.dates = null;
    store.set(tricky.length, pending);
    expect(store.get(tricky.length)).toMatchObject({ row: 99, dates: null, v: { national_id: '77', credential_expiry: '2027-03-05' } });
    expect([...store].map((r) => r.row)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 99]);
  });

  it('drops a failed file’s rows and their pending dates', () => {
    const store = new RecordStore();
    const ctx = store.context('a.csv', 'FIREARMS', null, {});
    store.add(ctx, 2, { serial_no: 'A1' }, null);
    store.add(ctx, 3, { serial_no: 'A2' }, { acquired_date: pendingDate('01/02/2020') as never });
    store.truncate(1);
    expect(store.length).toBe(1);
    expect(store.pendingDates).toEqual([]);
    expect(store.get(0).v.serial_no).toBe('A1');
  });
});
