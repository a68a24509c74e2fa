import { z } from 'zod';
import { command } from './define.ts';
import { id, optionalText, requiredText, sortDir } from './schemas.ts';
import { linkedPerson, localDateTime, personIds } from './grievances.ts';
import { FIREARM_OUTCOMES, INCIDENT_FOLLOW_UPS, INCIDENT_STATUSES, INCIDENT_TYPES } from '../model/incident.ts';
import { INCIDENT_ACTIONS } from '../model/incidentLifecycle.ts';

const count = z.number().int('validation.integer').min(0, 'validation.notNegative').max(100000, 'validation.tooLarge');

export const incidentFirearm = z.object({
  serial: requiredText(60),
  firearmType: optionalText(60),
  make: optionalText(80),
  calibre: optionalText(40),
  outcome: z.enum(FIREARM_OUTCOMES),
});

/** The incident record per ICoC ¶63, as the company reported it. */
export const incidentFields = z
  .object({
    occurredAt: localDateTime,
    reportedAt: localDateTime,
    region: requiredText(120),
    municipality: optionalText(120),
    latitude: z.number().min(-90, 'validation.latitude').max(90, 'validation.latitude').nullish().transform((v) => v ?? null),
    longitude: z.number().min(-180, 'validation.longitude').max(180, 'validation.longitude').nullish().transform((v) => v ?? null),
    companyId: id,
    types: z.array(z.enum(INCIDENT_TYPES)).min(1, 'validation.incidentTypes').transform((a) => [...new Set(a)]),
    description: requiredText(8000),
    /** Names as reported, for people the register does not know; registered ones go in `personIds`. */
    personnelInvolved: z.array(requiredText(200)).max(100).default([]),
    personIds: personIds(100),
    firearms: z.array(incidentFirearm).max(100).default([]),
    shotsFired: count.default(0),
    useOfForce: z.boolean().default(false),
    injuries: count.default(0),
    deaths: count.default(0),
    damage: optionalText(2000),
    policeReportNumber: optionalText(80),
    measuresTaken: optionalText(4000),
  })
  .superRefine((f, ctx) => {
    const norm = (s: string) => s.length === 10 ? `${s}T00:00` : s;
    if (norm(f.reportedAt) < norm(f.occurredAt)) ctx.addIssue({ code: 'custom', path: ['reportedAt'], message: 'validation.reportBeforeIncident' });
    const lossOrTheft = f.types.includes('firearm_loss') || f.types.includes('firearm_theft');
    if (lossOrTheft && !f.firearms.some((x) => x.outcome === 'lost' || x.outcome === 'stolen')) {
      ctx.addIssue({ code: 'custom', path: ['firearms'], message: 'validation.lossNeedsFirearm' });
    }
    const serials = new Set<string>();
    f.firearms.forEach((x, i) => {
      const k = x.serial.toUpperCase().replace(/[\s-]/g, '');
      if (serials.has(k)) ctx.addIssue({ code: 'custom', path: ['firearms', i, 'serial'], message: 'validation.serialRepeated' });
      serials.add(k);
    });
  });

export const incident = z.object({
  id: z.string(),
  number: z.string(),
  occurredAt: z.string(),
  reportedAt: z.string(),
  region: z.string(),
  municipality: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  companyId: z.string(),
  companyName: z.string(),
  types: z.array(z.enum(INCIDENT_TYPES)),
  description: z.string(),
  personnelInvolved: z.array(z.string()),
  /** Registered persons involved, in the order given. */
  people: z.array(linkedPerson),
  /** `registerState`: the linked firearm's status in the firearms register now (null when the serial is not registered). */
  firearms: z.array(incidentFirearm.extend({ id: z.string(), firearmId: z.string().nullable(), registerState: z.string().nullable() })),
  shotsFired: z.number().int(),
  useOfForce: z.boolean(),
  injuries: z.number().int(),
  deaths: z.number().int(),
  damage: z.string().nullable(),
  policeReportNumber: z.string().nullable(),
  measuresTaken: z.string().nullable(),
  reportHours: z.number(),
  reportLimitHours: z.number(),
  late: z.boolean(),
  status: z.enum(INCIDENT_STATUSES),
  reviewNote: z.string().nullable(),
  followUp: z.enum(INCIDENT_FOLLOW_UPS),
  followUpRef: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof incident>;
export const incidentRow = incident.omit({ description: true, personnelInvolved: true, people: true, firearms: true, damage: true, measuresTaken: true }).extend({
  firearmCount: z.number().int(),
});

export const INCIDENT_SORT = ['occurredAt', 'number', 'region', 'status', 'reportHours'] as const;
export const incidentsCommands = {
  /** Records an incident the company reported; lost or stolen firearms are reported to the firearms register in the same transaction. */
  'incidents.create': command({ input: incidentFields, output: incident, access: 'incidents.write', kind: 'write' }),
  'incidents.get': command({
    input: z.object({ id }),
    output: incident.extend({ events: z.array(z.object({ id: z.string(), at: z.string(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable(), username: z.string().nullable() })) }),
    access: 'incidents.read',
    kind: 'read',
  }),
  'incidents.list': command({
    input: z.object({
      search: z.string().trim().max(200, 'validation.tooLong').default(''),
      companyId: id.nullish(),
      region: z.string().trim().max(120).nullish(),
      type: z.enum(INCIDENT_TYPES).nullish(),
      status: z.enum(INCIDENT_STATUSES).nullish(),
      late: z.boolean().nullish(),
      serial: z.string().trim().max(60).nullish(),
      /** Incidents this registered person was involved in. */
      personId: id.nullish(),
      sort: z.enum(INCIDENT_SORT).default('occurredAt'),
      dir: sortDir.default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.object({ rows: z.array(incidentRow), total: z.number().int() }),
    access: 'incidents.read',
    kind: 'read',
  }),
  /** The regulator's review: a move of the incident lifecycle, and on closing the follow-up decided. */
  'incidents.transition': command({
    input: z.object({
      id, version: z.number().int().min(1), action: z.enum(INCIDENT_ACTIONS), note: optionalText(4000),
      followUp: z.enum(INCIDENT_FOLLOW_UPS).default('none'), followUpRef: optionalText(80),
    }),
    output: incident,
    access: 'incidents.write',
    kind: 'write',
  }),
};
