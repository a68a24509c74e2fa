import { z } from 'zod';
import { command } from './define.ts';
import { id, isoDate, optionalText, requiredText, sortDir } from './schemas.ts';
import { ANSWERS, ITEM_LEVELS, SCORE_RATINGS } from '../model/checklist.ts';
import { INSPECTION_ACTIONS, INSPECTION_SITES, INSPECTION_STATES, INSPECTION_TYPES } from '../model/inspectionLifecycle.ts';
import { FINDING_ACTIONS, FINDING_SEVERITIES, FINDING_STATES } from '../model/findingLifecycle.ts';

const bilingual = z.object({ es: requiredText(500), en: requiredText(500) });

export const checklistItem = z.object({
  id: z.string(),
  position: z.number().int(),
  itemKey: z.string(),
  sectionNo: z.number().int(),
  section: z.object({ es: z.string(), en: z.string() }),
  ref: z.string(),
  level: z.number().int(),
  text: z.object({ es: z.string(), en: z.string() }),
  guidance: z.object({ es: z.string(), en: z.string() }),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const checklistTemplate = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  kind: z.string(),
  title: z.object({ es: z.string(), en: z.string() }),
  status: z.enum(['active', 'retired']),
  basedOnId: z.string().nullable(),
  /** A used version is frozen: edits make a new version. */
  inUse: z.boolean(),
  itemCount: z.number().int(),
  createdAt: z.string(),
});
export type ChecklistTemplate = z.infer<typeof checklistTemplate>;

/** An administrator's draft of a template: sections of items, each with reference, level and guidance. */
export const templateDraft = z.object({
  /** null: a new checklist; otherwise the version being edited (a used one gets a new version). */
  basedOnId: id.nullish().transform((v) => v ?? null),
  code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,40}$/, 'validation.templateCode'),
  kind: z.enum(['armory', 'office', 'thematic']),
  title: bilingual,
  sections: z.array(z.object({
    title: bilingual,
    items: z.array(z.object({
      /** Kept from the edited version so recurrence still matches across versions; omitted for new items. */
      itemKey: z.string().trim().max(60).nullish().transform((v) => v ?? null),
      ref: requiredText(200),
      level: z.number().int().min(1, 'validation.level').max(ITEM_LEVELS.length, 'validation.level'),
      text: bilingual,
      guidance: z.object({ es: z.string().trim().max(1000, 'validation.tooLong'), en: z.string().trim().max(1000, 'validation.tooLong') }),
    })).min(1, 'validation.sectionEmpty').max(200),
  })).min(1, 'validation.templateEmpty').max(50),
});

export const score = z.object({
  score: z.number().nullable(),
  rawScore: z.number().nullable(),
  capped: z.boolean(),
  answered: z.number().int(),
  total: z.number().int(),
  mandatoryFailures: z.array(z.string()),
  rating: z.enum(SCORE_RATINGS),
});

export const answerRow = z.object({
  id: z.string(),
  itemId: z.string(),
  answer: z.enum(ANSWERS),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type AnswerRow = z.infer<typeof answerRow>;

export const finding = z.object({
  id: z.string(),
  inspectionId: z.string(),
  inspectionReference: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  itemId: z.string().nullable(),
  itemKey: z.string().nullable(),
  reference: z.string().nullable(),
  title: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  status: z.enum(FINDING_STATES),
  rootCause: z.string().nullable(),
  correctiveAction: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** 1 for the first time; n when the same item failed in n inspections of this company. */
  recurrence: z.number().int(),
  /** The sanction proposed when the finding was escalated (licensing area), if any. */
  sanctionId: z.string().nullable(),
  daysOpen: z.number().int(),
  statusChangedAt: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.enum(FINDING_ACTIONS)),
});
export type Finding = z.infer<typeof finding>;

export const inspectionRow = z.object({
  id: z.string(),
  reference: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  type: z.enum(INSPECTION_TYPES),
  site: z.enum(INSPECTION_SITES),
  siteLabel: z.string().nullable(),
  status: z.enum(INSPECTION_STATES),
  plannedDate: z.string(),
  scheduledDate: z.string().nullable(),
  leadInspectorId: z.string(),
  leadInspectorName: z.string(),
  templateId: z.string(),
  templateTitle: z.string(),
  score: z.number().nullable(),
  capped: z.boolean(),
  openFindings: z.number().int(),
  updatedAt: z.string(),
});
export type InspectionRow = z.infer<typeof inspectionRow>;

export const inspection = inspectionRow.extend({
  armoryId: z.string().nullable(),
  licenceId: z.string().nullable(),
  summary: z.string().nullable(),
  version: z.number().int(),
  issuedAt: z.string().nullable(),
  issuedDocumentId: z.string().nullable(),
  team: z.array(z.object({ userId: z.string(), displayName: z.string(), role: z.enum(['lead', 'member']) })),
  template: checklistTemplate,
  items: z.array(checklistItem),
  answers: z.array(answerRow),
  findings: z.array(finding),
  liveScore: score,
  /** What the signed-in user may do next (from the transition table and their role). */
  actions: z.array(z.enum(INSPECTION_ACTIONS)),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspection>;

export const INSPECTION_SORT = ['date', 'reference', 'company', 'status', 'score'] as const;

export const inspectionsCommands = {
  'checklists.list': command({ input: z.object({}), output: z.array(checklistTemplate), access: 'inspections.read', kind: 'read' }),
  'checklists.get': command({ input: z.object({ id }), output: checklistTemplate.extend({ items: z.array(checklistItem) }), access: 'inspections.read', kind: 'read' }),
  /**
   * Saves an administrator's template. A new code starts at version 1; editing a version makes
   * version n+1 of the same code (the edited one is never changed, used or not, so a report
   * always shows the questions that were asked).
   */
  'checklists.saveVersion': command({ input: templateDraft, output: checklistTemplate, access: 'checklists.manage', kind: 'write' }),

  /** Plans an inspection of a company's office or armory against one template version. */
  'inspections.plan': command({
    input: z.object({
      companyId: id,
      type: z.enum(INSPECTION_TYPES),
      site: z.enum(INSPECTION_SITES),
      siteLabel: optionalText(300),
      armoryId: id.nullish().transform((v) => v ?? null),
      licenceId: id.nullish().transform((v) => v ?? null),
      templateId: id,
      plannedDate: isoDate,
      leadInspectorId: id,
      memberIds: z.array(id).max(20).default([]),
      summary: optionalText(4000),
    }),
    output: inspection,
    access: 'inspections.write',
    kind: 'write',
  }),
  'inspections.list': command({
    input: z.object({
      search: z.string().trim().max(200, 'validation.tooLong').default(''),
      companyId: id.nullish(),
      status: z.enum(INSPECTION_STATES).nullish(),
      type: z.enum(INSPECTION_TYPES).nullish(),
      leadInspectorId: id.nullish(),
      from: isoDate.nullish(),
      to: isoDate.nullish(),
      sort: z.enum(INSPECTION_SORT).default('date'),
      dir: sortDir.default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(inspectionRow), total: z.number().int() }),
    access: 'inspections.read',
    kind: 'read',
  }),
  /** Active users who may be on an inspection team (their role holds inspections.write). */
  'inspections.listInspectors': command({
    input: z.object({}),
    output: z.array(z.object({ id: z.string(), displayName: z.string(), role: z.string() })),
    access: 'inspections.read',
    kind: 'read',
  }),
  'inspections.get': command({ input: z.object({ id }), output: inspection, access: 'inspections.read', kind: 'read' }),
  /** Moves an inspection along its lifecycle; `date` sets the visit date when scheduling. */
  'inspections.transition': command({
    input: z.object({ id, action: z.enum(INSPECTION_ACTIONS), version: z.number().int().min(1), date: isoDate.nullish(), note: optionalText(2000) }),
    output: inspection,
    access: 'inspections.write',
    kind: 'write',
  }),
  /**
   * Records one checklist answer (fieldwork only). Partial and non-compliant answers raise a
   * finding for the item (severity from the answer and level, recurrence counted across the
   * company's inspections); a changed answer updates or withdraws the still-open finding.
   */
  'inspections.answer': command({
    input: z.object({ inspectionId: id, itemId: id, answer: z.enum(ANSWERS), note: optionalText(2000) }),
    output: z.object({ answer: answerRow, score, finding: finding.nullable() }),
    access: 'inspections.write',
    kind: 'write',
  }),

  'findings.list': command({
    input: z.object({
      companyId: id.nullish(),
      inspectionId: id.nullish(),
      status: z.enum(FINDING_STATES).nullish(),
      severity: z.enum(FINDING_SEVERITIES).nullish(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(finding), total: z.number().int() }),
    access: 'inspections.read',
    kind: 'read',
  }),
  'findings.update': command({
    input: z.object({
      id, version: z.number().int().min(1),
      severity: z.enum(FINDING_SEVERITIES),
      title: requiredText(500),
      rootCause: optionalText(2000),
      correctiveAction: optionalText(2000),
      dueDate: isoDate.nullish().transform((v) => v ?? null),
    }),
    output: finding,
    access: 'inspections.write',
    kind: 'write',
  }),
  'findings.transition': command({
    input: z.object({ id, action: z.enum(FINDING_ACTIONS), version: z.number().int().min(1), note: optionalText(2000) }),
    output: finding,
    access: 'inspections.write',
    kind: 'write',
  }),
  /** Open findings past their due date become overdue; overdue ones long past it are escalated. */
  'findings.sweepOverdue': command({
    input: z.object({}),
    output: z.object({ markedOverdue: z.number().int(), escalated: z.number().int() }),
    access: 'inspections.write',
    kind: 'write',
  }),
};
