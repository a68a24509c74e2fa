import { SanctionListPage } from './SanctionListPage.tsx';
import { SanctionDetailPage } from './SanctionDetailPage.tsx';

/** `#/sanctions` and `#/sanctions/<id>`. */
export function SanctionsArea({ route }: { route: string[] }) {
  return route[1] ? <SanctionDetailPage key={route[1]} id={route[1]} /> : <SanctionListPage />;
}
