import { GrievanceList } from './GrievanceList.tsx';
import { GrievanceForm } from './GrievanceForm.tsx';
import { GrievanceDetail } from './GrievanceDetail.tsx';
import { IncidentList } from './IncidentList.tsx';
import { IncidentForm } from './IncidentForm.tsx';
import { IncidentDetail } from './IncidentDetail.tsx';
import './accountability.css';

type Can = (permission: string) => boolean;

/** `#/grievances`, `#/grievances/new`, `#/grievances/<id>`. */
export function GrievancesArea({ route, can }: { route: string[]; can: Can }) {
  if (route[1] === 'new' && can('grievances.write')) return <GrievanceForm can={can} />;
  if (route[1] === 'overdue') return <GrievanceList key="overdue" can={can} preset={{ overdue: true }} />;
  if (route[1] === 'retaliation') return <GrievanceList key="retaliation" can={can} preset={{ retaliation: true }} />;
  if (route[1]) return <GrievanceDetail key={route[1]} id={route[1]} can={can} />;
  return <GrievanceList can={can} />;
}

/** `#/incidents`, `#/incidents/new`, `#/incidents/<id>`. */
export function IncidentsArea({ route, can }: { route: string[]; can: Can }) {
  if (route[1] === 'new' && can('incidents.write')) return <IncidentForm can={can} />;
  if (route[1] === 'toReview') return <IncidentList key="toReview" can={can} preset={{ status: 'reported' }} />;
  if (route[1]) return <IncidentDetail key={route[1]} id={route[1]} can={can} />;
  return <IncidentList can={can} />;
}
