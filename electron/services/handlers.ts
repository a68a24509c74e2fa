import type { CommandName } from '../../shared/commands/index.ts';
import type { Handlers } from '../core/context.ts';
import { sessionHandlers } from './session/session.handlers.ts';
import { companiesHandlers } from './companies/companies.handlers.ts';
import { usersHandlers } from './users/users.handlers.ts';
import { journalHandlers } from './journal/journal.handlers.ts';
import { settingsHandlers } from './settings/settings.handlers.ts';
import { attachmentsHandlers } from './attachments/attachments.handlers.ts';
import { grievancesHandlers } from './grievances/grievances.handlers.ts';
import { incidentsHandlers } from './incidents/incidents.handlers.ts';
import { statisticsHandlers } from './statistics/statistics.handlers.ts';
import { accountabilityHandlers } from './accountability/accountability.handlers.ts';

/** Every command's handler; the type makes a missing one a compile error, the gate a start-up error. */
export const handlers: Handlers<CommandName> = {
  ...sessionHandlers,
  ...companiesHandlers,
  ...usersHandlers,
  ...journalHandlers,
  ...settingsHandlers,
  ...attachmentsHandlers,
  ...grievancesHandlers,
  ...incidentsHandlers,
  ...statisticsHandlers,
  ...accountabilityHandlers,
};
