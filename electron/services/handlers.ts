import type { CommandName } from '../../shared/commands/index.ts';
import type { Handlers } from '../core/context.ts';
import { sessionHandlers } from './session/session.handlers.ts';
import { companiesHandlers } from './companies/companies.handlers.ts';
import { usersHandlers } from './users/users.handlers.ts';
import { journalHandlers } from './journal/journal.handlers.ts';
import { settingsHandlers } from './settings/settings.handlers.ts';
import { attachmentsHandlers } from './attachments/attachments.handlers.ts';
import { personnelHandlers } from './personnel/personnel.handlers.ts';
import { licensingHandlers } from './licensing/licensing.handlers.ts';
import { sanctionsHandlers } from './sanctions/sanctions.handlers.ts';
import { dueHandlers } from './due/due.handlers.ts';
import { firearmsHandlers } from './firearms/firearms.handlers.ts';
import { armoriesHandlers } from './firearms/armories.ts';
import { ammunitionHandlers } from './firearms/ammunition.ts';
import { returnsHandlers } from './returns/returns.handlers.ts';
import { backupsHandlers } from './backups/backups.handlers.ts';
import { fieldHandlers } from './field/field.handlers.ts';
import { guardFieldCopy } from './field/field.guard.ts';
import { auditsHandlers } from './audits/audits.handlers.ts';
import { certificationsHandlers } from './audits/certifications.handlers.ts';
import { documentsHandlers } from './documents/documents.handlers.ts';
import { grievancesHandlers } from './grievances/grievances.handlers.ts';
import { incidentsHandlers } from './incidents/incidents.handlers.ts';
import { statisticsHandlers } from './statistics/statistics.handlers.ts';
import { accountabilityHandlers } from './accountability/accountability.handlers.ts';

/** Every command's handler; the type makes a missing one a compile error, the gate a start-up error. */
export const handlers: Handlers<CommandName> = guardFieldCopy({
  ...sessionHandlers,
  ...companiesHandlers,
  ...usersHandlers,
  ...journalHandlers,
  ...settingsHandlers,
  ...attachmentsHandlers,
  ...personnelHandlers,
  ...licensingHandlers,
  ...sanctionsHandlers,
  ...dueHandlers,
  ...firearmsHandlers,
  ...armoriesHandlers,
  ...ammunitionHandlers,
  ...returnsHandlers,
  ...backupsHandlers,
  ...fieldHandlers,
  ...auditsHandlers,
  ...certificationsHandlers,
  ...documentsHandlers,
  ...grievancesHandlers,
  ...incidentsHandlers,
  ...statisticsHandlers,
  ...accountabilityHandlers,
});
