import { normaliseSerial } from './serial.ts';

/**
 * A physical count of weapons by serial number, matched through the normalised serial (so
 * "ab-012 345", "AB12345" and a scanner's "AB 12345" are one weapon). What the register expects
 * in the place counted, against what was typed or scanned there: present, missing, extra
 * (an extra that the register knows elsewhere is named with its state: issued, lost, stolen...),
 * and serials read twice.
 */
export interface ExpectedWeapon { id: string; serial: string; make: string; state: string; here: boolean }
export interface CountResult {
  present: ExpectedWeapon[];
  missing: ExpectedWeapon[];
  /** Read on site but not expected here; `known` when the register has it in another place or state. */
  extra: { serial: string; known: ExpectedWeapon | null }[];
  repeated: string[];
  unreadable: string[];
}

export function countWeapons(register: ExpectedWeapon[], read: string[]): CountResult {
  const byNorm = new Map<string, ExpectedWeapon>();
  for (const w of register) byNorm.set(normaliseSerial(w.serial), w);
  const seen = new Set<string>();
  const out: CountResult = { present: [], missing: [], extra: [], repeated: [], unreadable: [] };
  for (const raw of read) {
    const text = raw.trim();
    if (!text) continue;
    const n = normaliseSerial(text);
    if (!n) { out.unreadable.push(text); continue; }
    if (seen.has(n)) { out.repeated.push(text); continue; }
    seen.add(n);
    const w = byNorm.get(n);
    if (w?.here) out.present.push(w);
    else out.extra.push({ serial: text, known: w ?? null });
  }
  for (const w of register) if (w.here && !seen.has(normaliseSerial(w.serial))) out.missing.push(w);
  return out;
}
