import type { z } from 'zod';
import type { CommandDef } from './define.ts';
import { sessionCommands } from './session.ts';
import { companiesCommands } from './companies.ts';
import { usersCommands } from './users.ts';
import { journalCommands } from './journal.ts';
import { settingsCommands } from './settings.ts';
import { attachmentsCommands } from './attachments.ts';
import { personnelCommands } from './personnel.ts';
import { licensingCommands } from './licensing.ts';
import { sanctionsCommands } from './sanctions.ts';
import { dueCommands } from './due.ts';
import { firearmsCommands } from './firearms.ts';
import { armoriesCommands } from './armories.ts';
import { ammunitionCommands } from './ammunition.ts';
import { returnsCommands } from './returns.ts';
import { backupsCommands } from './backups.ts';
import { fieldCommands } from './field.ts';
import { inspectionsCommands } from './inspections.ts';
import { certificationsCommands } from './certifications.ts';
import { documentsCommands } from './documents.ts';
import { grievancesCommands } from './grievances.ts';
import { incidentsCommands } from './incidents.ts';
import { statisticsCommands } from './statistics.ts';
import { accountabilityCommands } from './accountability.ts';

// One group per line (keeps parallel additions from colliding in merges).
const groups = [
  sessionCommands,
  companiesCommands,
  usersCommands,
  journalCommands,
  settingsCommands,
  attachmentsCommands,
  personnelCommands,
  licensingCommands,
  sanctionsCommands,
  dueCommands,
  firearmsCommands,
  armoriesCommands,
  ammunitionCommands,
  returnsCommands,
  backupsCommands,
  fieldCommands,
  inspectionsCommands,
  certificationsCommands,
  documentsCommands,
  grievancesCommands,
  incidentsCommands,
  statisticsCommands,
  accountabilityCommands,
] as const;

/** Merges the groups; a name declared twice is a programming error caught at start. */
function merge<T extends readonly Record<string, CommandDef>[]>(gs: T): Record<string, CommandDef> {
  const all: Record<string, CommandDef> = {};
  for (const g of gs) {
    for (const [name, def] of Object.entries(g)) {
      if (name in all) throw new Error(`command ${name} is declared twice`);
      if (!/^[a-z]+\.[a-z][A-Za-z]*$/.test(name)) throw new Error(`command ${name} must be named area.verbNoun`);
      all[name] = def;
    }
  }
  return all;
}

export const commands = {
  ...sessionCommands,
  ...companiesCommands,
  ...usersCommands,
  ...journalCommands,
  ...settingsCommands,
  ...attachmentsCommands,
  ...personnelCommands,
  ...licensingCommands,
  ...sanctionsCommands,
  ...dueCommands,
  ...firearmsCommands,
  ...armoriesCommands,
  ...ammunitionCommands,
  ...returnsCommands,
  ...backupsCommands,
  ...fieldCommands,
  ...inspectionsCommands,
  ...certificationsCommands,
  ...documentsCommands,
  ...grievancesCommands,
  ...incidentsCommands,
  ...statisticsCommands,
  ...accountabilityCommands,
};
merge(groups);

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}
