/**
 * Who takes a change the calendar makes on its own (the daily upkeep: a licence, credential or
 * certification past its expiry date): nobody. It may take only `expire` (the one transition
 * allowed without a user); events, custody lists and journal entries record no user.
 */
export const CALENDAR = 'calendar' as const;
export type Calendar = typeof CALENDAR;

/** The calendar may take only this action; any other needs a person with the permission. */
export const CALENDAR_ACTION = 'expire';
