import type { ComponentType } from 'react';
import { DueCards } from './DueCards.tsx';
import { QueueCards } from './QueueCards.tsx';
import { AccountabilityCards } from '../accountability/index.ts';

/**
 * The home screen is a list of card groups, each shown when the role has its permission.
 * Another area (or a per-role dashboard) adds a component and one line here.
 */
export interface HomeCardGroup {
  id: string;
  permission: string | null;
  Component: ComponentType;
}

export const HOME_CARDS: HomeCardGroup[] = [
  { id: 'due', permission: 'due.read', Component: DueCards },
  { id: 'applications', permission: 'licensing.read', Component: QueueCards },
  { id: 'accountability', permission: 'incidents.read', Component: AccountabilityCards },
];
