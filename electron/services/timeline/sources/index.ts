import type { TimelineSource } from '../source.ts';
import { licenceEvents } from './licenceEvents.ts';
import { sanctionEvents } from './sanctionEvents.ts';
import { journalEntries } from './journalEntries.ts';

/** Every source of a company's timeline; another area adds one line. */
export const TIMELINE_SOURCES: TimelineSource[] = [licenceEvents, sanctionEvents, journalEntries];
