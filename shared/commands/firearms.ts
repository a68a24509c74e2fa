import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText, sortDir } from './schemas.ts';
import {
  CUSTODY_REASONS, DESTRUCTION_METHODS, FIREARM_CONDITIONS, FIREARM_EVENT_KINDS, FIREARM_SORT_COLUMNS, FIREARM_TYPES,
  SERIAL_MATCH_MODES,
} from '../model/firearms.ts';
import { FIREARM_STATES } from '../model/firearmLifecycle.ts';
import { CALIBRE_KINDS } from '../model/calibres.ts';
import { SERIAL_MAX_LENGTH } from '../model/serial.ts';

const optDate = isoDate.nullish().transform((v) => v ?? null);
/** Local date-time as officers enter it ("2026-11-23T07:00"), seconds optional. */
export const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'validation.dateTime')
  .refine((s) => !Number.isNaN(Date.parse(`${s.length === 16 ? `${s}:00` : s}Z`)), 'validation.dateTime')
  .transform((s) => (s.length === 16 ? `${s}:00` : s));

/** Fields an officer enters for a weapon (ITI marking: manufacturer, country, serial, year, import and secondary marks). */
export const firearmFields = z.object({
  companyId: id,
  armoryId: id.nullish().transform((v) => v ?? null),
  type: z.enum(FIREARM_TYPES),
  make: requiredText(80),
  model: optionalText(80),
  /** As written; resolved against the calibre list, unknown or ambiguous spellings are refused with candidates. */
  calibre: requiredText(80),
  serial: requiredText(SERIAL_MAX_LENGTH),
  manufacturer: optionalText(120),
  countryOfManufacture: optionalText(60),
  year: z.number().int().min(1850, 'validation.year').max(2100, 'validation.year').nullish().transform((v) => v ?? null),
  importMark: optionalText(120),
  secondaryMarks: optionalText(300),
  permitNumber: optionalText(60),
  permitExpiry: optDate,
  condition: z.enum(FIREARM_CONDITIONS).default('serviceable'),
  notes: optionalText(4000),
});
export type FirearmFields = z.input<typeof firearmFields>;

export const firearmRow = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  armoryId: z.string().nullable(),
  armoryName: z.string().nullable(),
  type: z.enum(FIREARM_TYPES),
  make: z.string(),
  model: z.string().nullable(),
  calibreCode: z.string(),
  calibre: z.string(),
  calibreWritten: z.string(),
  serial: z.string(),
  serialNorm: z.string(),
  state: z.enum(FIREARM_STATES),
  holderPersonId: z.string().nullable(),
  holderName: z.string().nullable(),
  post: z.string().nullable(),
  permitExpiry: z.string().nullable(),
  /** Other firearms with the same make and normalised serial in another company (possible duplicate or diversion). */
  duplicates: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type FirearmRow = z.infer<typeof firearmRow>;

export const issueRecord = z.object({
  id: z.string(), firearmId: z.string(), companyId: z.string(), personId: z.string(), personName: z.string().nullable(),
  post: z.string(), issuedAt: z.string(), shiftEndsAt: z.string(), returnedAt: z.string().nullable(),
  holderCheck: z.enum(['verified', 'unverified']),
  /** Still out after the end of its shift. */
  overdue: z.boolean(),
});
export type IssueRecord = z.infer<typeof issueRecord>;

export const lossReport = z.object({
  id: z.string(), firearmId: z.string(), companyId: z.string(), kind: z.enum(['lost', 'stolen']), eventDate: z.string(),
  reportDate: z.string(), deadlineDays: z.number().int(), daysToReport: z.number().int(), late: z.boolean(),
  policeReportNumber: z.string(), circumstances: z.string().nullable(), recoveredOn: z.string().nullable(),
});
export type LossReport = z.infer<typeof lossReport>;

export const firearm = firearmRow.extend({
  manufacturer: z.string().nullable(),
  countryOfManufacture: z.string().nullable(),
  year: z.number().int().nullable(),
  importMark: z.string().nullable(),
  secondaryMarks: z.string().nullable(),
  permitNumber: z.string().nullable(),
  condition: z.enum(FIREARM_CONDITIONS),
  notes: z.string().nullable(),
  createdAt: z.string(),
  openIssue: issueRecord.nullable(),
  lossReports: z.array(lossReport),
  duplicateOf: z.array(z.object({ id: z.string(), companyName: z.string(), serial: z.string(), state: z.enum(FIREARM_STATES) })),
  openCustodyListId: z.string().nullable(),
});
export type Firearm = z.infer<typeof firearm>;

export const firearmEvent = z.object({
  id: z.string(), kind: z.enum(FIREARM_EVENT_KINDS), occurredAt: z.string(), companyId: z.string(), companyName: z.string(),
  counterpartCompanyId: z.string().nullable(), counterpartCompanyName: z.string().nullable(),
  fromState: z.enum(FIREARM_STATES).nullable(), toState: z.enum(FIREARM_STATES).nullable(),
  personId: z.string().nullable(), personName: z.string().nullable(), post: z.string().nullable(),
  details: z.record(z.string(), z.unknown()), createdBy: z.string().nullable(),
});
export type FirearmEvent = z.infer<typeof firearmEvent>;

/** Trace search: serial fragment (normalised), make, calibre, company, state; all in SQL. */
export const firearmQuery = z.object({
  serial: z.string().trim().max(SERIAL_MAX_LENGTH, 'validation.tooLong').default(''),
  serialMode: z.enum(SERIAL_MATCH_MODES).default('contains'),
  make: z.string().trim().max(80, 'validation.tooLong').default(''),
  calibreCode: z.string().trim().max(80).nullish(),
  companyId: id.nullish(),
  armoryId: id.nullish(),
  state: z.enum(FIREARM_STATES).nullish(),
  duplicatesOnly: z.boolean().default(false),
  sort: z.enum(FIREARM_SORT_COLUMNS).default('serial'),
  dir: sortDir.default('asc'),
});
export type FirearmQuery = z.input<typeof firearmQuery>;

const note = optionalText(1000);
const base = { id, version: z.number().int().min(1) };
/** One schema per action: each carries exactly the facts the law asks for. */
export const firearmTransitionInput = z.discriminatedUnion('action', [
  z.object({ ...base, action: z.literal('issue'), personId: id, post: requiredText(200), issuedAt: localDateTime, shiftEndsAt: localDateTime, note })
    .refine((v) => v.shiftEndsAt > v.issuedAt, { path: ['shiftEndsAt'], message: 'validation.shiftEndsBeforeStart' }),
  z.object({ ...base, action: z.literal('return'), returnedAt: localDateTime, note }),
  z.object({ ...base, action: z.literal('reportLost'), eventDate: isoDate, reportDate: isoDate, policeReportNumber: requiredText(60), circumstances: optionalText(2000) })
    .refine((v) => v.reportDate >= v.eventDate, { path: ['reportDate'], message: 'validation.reportBeforeEvent' }),
  z.object({ ...base, action: z.literal('reportStolen'), eventDate: isoDate, reportDate: isoDate, policeReportNumber: requiredText(60), circumstances: optionalText(2000) })
    .refine((v) => v.reportDate >= v.eventDate, { path: ['reportDate'], message: 'validation.reportBeforeEvent' }),
  z.object({ ...base, action: z.literal('recover'), date: isoDate, note }),
  z.object({ ...base, action: z.literal('transferToCompany'), date: isoDate, toCompanyId: id, toArmoryId: id.nullish().transform((v) => v ?? null), note }),
  z.object({ ...base, action: z.literal('destroy'), date: isoDate, method: z.enum(DESTRUCTION_METHODS), witness: requiredText(200), note }),
  ...(['sendToRepair', 'returnFromRepair', 'restoreToArmory', 'seize', 'releaseFromCustody', 'transferToState', 'declareSurplus'] as const)
    .map((a) => z.object({ ...base, action: z.literal(a), date: isoDate, note })),
]);
export type FirearmTransitionInput = z.input<typeof firearmTransitionInput>;

export const calibreDef = z.object({
  code: z.string().trim().regex(/^[a-z0-9]{1,20}$/, 'validation.calibreCode'),
  canonical: requiredText(60),
  kind: z.enum(CALIBRE_KINDS),
  synonyms: z.array(requiredText(60)).max(60).default([]),
});

export const custodyList = z.object({
  id: z.string(), companyId: z.string(), companyName: z.string(), reason: z.enum(CUSTODY_REASONS), openedAt: z.string(),
  closedAt: z.string().nullable(), total: z.number().int(), outstanding: z.number().int(),
});
export const custodyItem = z.object({
  firearmId: z.string(), serial: z.string(), make: z.string(), calibre: z.string(), stateAtOpen: z.enum(FIREARM_STATES),
  state: z.enum(FIREARM_STATES), accountedAt: z.string().nullable(), accountedState: z.string().nullable(),
});

const pageIn = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };

export const firearmsCommands = {
  /** Registers a weapon in armory. Same make + serial elsewhere is flagged (duplicates), not refused. */
  'firearms.register': command({ input: firearmFields, output: firearm, access: 'firearms.write', kind: 'write' }),
  /** Corrects record fields (not the state: that only changes through `firearms.transition`). */
  'firearms.update': command({ input: z.object({ ...base, fields: firearmFields }), output: firearm, access: 'firearms.write', kind: 'write' }),
  'firearms.get': command({ input: z.object({ id }), output: firearm, access: 'firearms.read', kind: 'read' }),
  'firearms.list': command({
    input: firearmQuery.extend(pageIn),
    output: z.object({ rows: z.array(firearmRow), total: z.number().int() }),
    access: 'firearms.read', kind: 'read',
  }),
  /** The whole history of one weapon across companies, holders and states, oldest first. */
  'firearms.timeline': command({ input: z.object({ id }), output: z.array(firearmEvent), access: 'firearms.read', kind: 'read' }),
  /** Every state change; refused with INVALID_TRANSITION unless the lifecycle table allows it. The permission is checked per action. */
  'firearms.transition': command({ input: firearmTransitionInput, output: firearm, access: 'firearms.write', kind: 'write' }),
  'firearms.issueLog': command({
    input: z.object({ companyId: id.nullish(), firearmId: id.nullish(), openOnly: z.boolean().default(false), overdueOnly: z.boolean().default(false), ...pageIn }),
    output: z.object({ rows: z.array(issueRecord.extend({ serial: z.string(), make: z.string() })), total: z.number().int() }),
    access: 'firearms.read', kind: 'read',
  }),
  'firearms.lossReports': command({
    input: z.object({ companyId: id.nullish(), lateOnly: z.boolean().default(false), ...pageIn }),
    output: z.object({ rows: z.array(lossReport.extend({ serial: z.string(), make: z.string(), companyName: z.string() })), total: z.number().int() }),
    access: 'firearms.read', kind: 'read',
  }),
  'firearms.calibres': command({
    input: z.object({}),
    output: z.object({ calibres: z.array(calibreDef.extend({ inUse: z.number().int() })), collisions: z.array(z.object({ key: z.string(), codes: z.array(z.string()) })) }),
    access: 'firearms.read', kind: 'read',
  }),
  /** Adds or edits one calibre of the list (administrator). The first edit stores the shipped list in the workspace. */
  'firearms.saveCalibre': command({ input: calibreDef, output: calibreDef, access: 'firearms.configure', kind: 'write' }),
  /** Removes a calibre nobody uses; one in use by a firearm or lot is refused. */
  'firearms.removeCalibre': command({ input: z.object({ code: z.string().trim().min(1) }), output: z.object({ code: z.string() }), access: 'firearms.configure', kind: 'write' }),
  'firearms.settings': command({ input: z.object({}), output: z.object({ lossReportDeadlineDays: z.number().int() }), access: 'firearms.read', kind: 'read' }),
  'firearms.setSettings': command({
    input: z.object({ lossReportDeadlineDays: z.number().int().min(1, 'validation.deadlineDays').max(365, 'validation.deadlineDays') }),
    output: z.object({ lossReportDeadlineDays: z.number().int() }), access: 'firearms.configure', kind: 'write',
  }),
  /** Opens the custody list of a company whose licence lapsed (licensing calls the same function in its transaction). */
  'firearms.openCustody': command({ input: z.object({ companyId: id, reason: z.enum(CUSTODY_REASONS) }), output: custodyList, access: 'firearms.control', kind: 'write' }),
  'firearms.custodyLists': command({
    input: z.object({ companyId: id.nullish(), openOnly: z.boolean().default(false), ...pageIn }),
    output: z.object({ rows: z.array(custodyList), total: z.number().int() }), access: 'firearms.read', kind: 'read',
  }),
  'firearms.custodyItems': command({ input: z.object({ listId: id }), output: z.object({ list: custodyList, items: z.array(custodyItem) }), access: 'firearms.read', kind: 'read' }),
};
