import type { DueSource } from '../source.ts';
import { CLOCK_STATES_SQL, DEADLINE_DATE_SQL } from '../../licensing/clock.sql.ts';

/** Applications against their statutory processing deadline (moved forward by paused days). */
export const applicationDeadline: DueSource = {
  kind: 'application_deadline', entityType: 'licence',
  from: 'FROM licences l JOIN companies c ON c.id = l.company_id JOIN licence_types t ON t.id = l.type_id',
  where: CLOCK_STATES_SQL, due: DEADLINE_DATE_SQL,
  entityId: 'l.id', companyId: 'l.company_id', companyName: 'c.legal_name', subject: 't.name', reference: 'l.number',
};
