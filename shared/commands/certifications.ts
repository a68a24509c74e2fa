import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText } from './schemas.ts';
import { CERTIFICATION_ACTIONS, CERTIFICATION_STANDARDS, CERTIFICATION_STATES } from '../model/certificationLifecycle.ts';

export const certificationFields = z.object({
  companyId: id,
  standard: z.enum(CERTIFICATION_STANDARDS),
  certificateNumber: optionalText(80),
  certificationBody: requiredText(200),
  accreditationBody: optionalText(200),
  scope: requiredText(1000),
  issuedOn: isoDate,
  expiresOn: isoDate,
  surveillanceDates: z.array(isoDate).max(20).default([]),
  correctivePlanStatus: optionalText(300),
}).superRefine((c, ctx) => {
  if (c.expiresOn < c.issuedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'validation.expiryBeforeIssue' });
});

export const certification = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  standard: z.enum(CERTIFICATION_STANDARDS),
  certificateNumber: z.string().nullable(),
  certificationBody: z.string(),
  accreditationBody: z.string().nullable(),
  scope: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  surveillanceDates: z.array(z.string()),
  correctivePlanStatus: z.string().nullable(),
  status: z.enum(CERTIFICATION_STATES),
  /** Days until expiry (negative once past). */
  daysToExpiry: z.number().int(),
  /** Next surveillance audit date still ahead, if any. */
  nextSurveillance: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(CERTIFICATION_ACTIONS)),
});
export type Certification = z.infer<typeof certification>;

export const certificationsCommands = {
  /** Records a company's certification; it starts Transitional until confirmed. */
  'certifications.create': command({ input: certificationFields, output: certification, access: 'certifications.write', kind: 'write' }),
  'certifications.update': command({
    input: z.object({ id, version: z.number().int().min(1), fields: certificationFields }),
    output: certification,
    access: 'certifications.write',
    kind: 'write',
  }),
  'certifications.transition': command({
    input: z.object({ id, action: z.enum(CERTIFICATION_ACTIONS), version: z.number().int().min(1) }),
    output: certification,
    access: 'certifications.write',
    kind: 'write',
  }),
  /** A company's certifications, or (no company) those expiring within `expiringWithinDays`. */
  'certifications.list': command({
    input: z.object({
      companyId: id.nullish(),
      status: z.enum(CERTIFICATION_STATES).nullish(),
      expiringWithinDays: z.number().int().min(0).max(3650).nullish(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(certification), total: z.number().int() }),
    access: 'certifications.read',
    kind: 'read',
  }),
};
