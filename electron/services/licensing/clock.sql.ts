/**
 * The processing clock in SQL (same arithmetic as `shared/model/processingClock.ts`), for
 * filtering the overdue queue and sorting by days left without loading rows. Uses the named
 * parameter `@today`. Alias `l` is the licences table.
 */
const end = `COALESCE(l.decided_on, @today)`;
const pausedNow = `CASE WHEN l.paused_since IS NULL THEN 0 ELSE MAX(0, CAST(julianday(${end}) - julianday(l.paused_since) AS INTEGER)) END`;
export const ELAPSED_SQL = `CASE WHEN l.submitted_on IS NULL THEN 0 ELSE MAX(0, CAST(julianday(${end}) - julianday(l.submitted_on) AS INTEGER) - l.paused_days - ${pausedNow}) END`;
export const REMAINING_SQL = `(l.processing_days - (${ELAPSED_SQL}))`;
/** The date the statutory deadline falls on, moved forward by every paused day. */
export const DEADLINE_DATE_SQL = `date(l.submitted_on, '+' || (l.processing_days + l.paused_days + ${pausedNow}) || ' days')`;
/** Applications whose clock runs or is paused (submitted, waiting for information, in inspection). */
export const CLOCK_STATES_SQL = `l.state IN ('submitted','information_requested','pre_licence_inspection')`;
