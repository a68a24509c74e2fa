import { z } from 'zod';
import { command } from './define.ts';

const days = z.number().int('validation.integer').min(1, 'validation.deadlineRange').max(365, 'validation.deadlineRange');
export const deadlines = z.object({
  grievanceDays: z.object({ received: days, admissibility: days, investigation: days, remedy: days }),
  incidentReportHours: z.number().int('validation.integer').min(1, 'validation.deadlineRange').max(24 * 90, 'validation.deadlineRange'),
  firearmLossReportDays: days,
});

const file = z.object({ filename: z.string(), mime: z.string(), base64: z.string(), sha256: z.string() });

export const accountabilityCommands = {
  'accountability.getDeadlines': command({ input: z.object({}), output: deadlines, access: 'signedIn', kind: 'read' }),
  /** The agency's legal deadlines; applies to new stage clocks and new incident reports. */
  'accountability.setDeadlines': command({ input: deadlines, output: deadlines, access: 'settings.manage', kind: 'write' }),
  /**
   * What the law lets the public see — companies, licence status and validity, final sanctions —
   * as CSV, JSON and a static HTML page, with a SHA-256 manifest signed by the agency, in one ZIP.
   * Never personal data of guards or complainants. Journaled as an issued publication.
   */
  'accountability.exportPublicRegister': command({
    input: z.object({ language: z.enum(['es', 'en']).default('es') }),
    output: file.extend({ files: z.array(z.object({ name: z.string(), sha256: z.string(), bytes: z.number().int() })), companies: z.number().int() }),
    access: 'accountability.publish',
    kind: 'write',
  }),
  /** The annual sector report (national action plan, UN PoA / ITI) as a signed PDF; totals are the dashboard's figures. */
  'accountability.annualReport': command({
    input: z.object({ year: z.number().int().min(2000, 'validation.year').max(2100, 'validation.year'), language: z.enum(['es', 'en']).default('es') }),
    output: file.extend({ totals: z.record(z.string(), z.number()), serial: z.string() }),
    access: 'accountability.report',
    kind: 'write',
  }),
};
