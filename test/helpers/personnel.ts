import type { CommandInput } from '../../shared/commands/index.ts';
import { gtCuiCheck } from '../../shared/model/nationalId.ts';
import type { Ctx, AuditNote } from '../../electron/core/context.ts';
import type { freshWorkspace } from './workspace.ts';

let cuiSerial = 30_000_000;
/** A fresh, valid Guatemalan CUI (check digit, department 01 Guatemala, municipality 01) for each call. */
export function nextGtCui(): string {
  for (;;) {
    const serial = String(cuiSerial++);
    const check = gtCuiCheck(serial);
    if (check < 10) return `${serial}${check}0101`;
  }
}

/** Vetting that is complete and current on the test clock's day (2026-11-23). */
export const VALID_VETTING = {
  criminalCheckDate: '2026-10-01', criminalCheckResult: 'clear', criminalCheckReference: 'AP-2026-118734',
  healthCertDate: '2026-09-01', healthCertExpiry: '2027-09-01',
} as const;

/** A valid Guatemalan guard with no vetting recorded; override fields as needed. */
export function samplePerson(over: Record<string, unknown> = {}) {
  return {
    idCountry: 'GT', nationalId: nextGtCui(), givenNames: 'José Armando', familyNames: 'Pérez Xicará', birthDate: '1990-05-14',
    nationality: 'GT', rightToWork: true, role: 'guard', address: '3a Calle 4-21, zona 1', city: 'Mixco', phone: '+502 5555 1234',
    criminalCheckDate: null, criminalCheckResult: null, criminalCheckReference: null, healthCertDate: null, healthCertExpiry: null, notes: null,
    ...over,
  } as CommandInput<'personnel.create'>;
}

/**
 * A handler context over the test workspace, for calling service functions other areas call
 * (`applyCredentialTransition`) directly; run them inside `db.transaction`.
 */
export function directCtx(w: Awaited<ReturnType<typeof freshWorkspace>>): Ctx & { notes: AuditNote[] } {
  const notes: AuditNote[] = [];
  return {
    get db() { return w.app.workspaces.db; },
    get user() { return w.app.workspaces.user; },
    clock: w.clock,
    workspaces: w.app.workspaces,
    nowIso: () => w.clock.now().toISOString(),
    audit: (n) => { notes.push(n); },
    notes,
  };
}
