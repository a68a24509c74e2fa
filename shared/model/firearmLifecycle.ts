import type { Permission } from './roles.ts';

/**
 * The firearm lifecycle, declared once (ITI / DOMAIN.md): the service checks every state change
 * against this table, the UI shows only the actions it allows, and the tests try every pair.
 *
 * In armory → Issued → (returned) In armory; Under repair; Lost | Stolen → Recovered;
 * Seized / official custody; Transferred (to the state; a transfer to another company keeps the
 * weapon "in armory" under its new owner and is recorded on both sides); Surplus → Destroyed.
 */
export const FIREARM_STATES = [
  'in_armory', 'issued', 'under_repair', 'lost', 'stolen', 'recovered', 'seized', 'transferred', 'surplus', 'destroyed',
] as const;
export type FirearmState = (typeof FIREARM_STATES)[number];

export const FIREARM_ACTIONS = [
  'issue', 'return', 'sendToRepair', 'returnFromRepair', 'reportLost', 'reportStolen', 'recover', 'restoreToArmory',
  'seize', 'releaseFromCustody', 'transferToCompany', 'transferToState', 'declareSurplus', 'destroy',
] as const;
export type FirearmAction = (typeof FIREARM_ACTIONS)[number];

/** Extra facts an action must carry; the contract's per-action schema enforces them. */
export type FirearmGuard =
  | 'holderEligible' // the guard holds a valid credential and a qualification for the calibre
  | 'lossReport' // event date, report date, police report number
  | 'otherCompany' // destination company differs from the owner
  | 'destruction'; // method, date, witness

export interface FirearmTransition {
  action: FirearmAction;
  from: FirearmState;
  to: FirearmState;
  permission: Permission;
  guard?: FirearmGuard;
}

const rows: [FirearmAction, readonly FirearmState[], FirearmState, Permission, FirearmGuard?][] = [
  ['issue', ['in_armory'], 'issued', 'firearms.write', 'holderEligible'],
  ['return', ['issued'], 'in_armory', 'firearms.write'],
  ['sendToRepair', ['in_armory'], 'under_repair', 'firearms.write'],
  ['returnFromRepair', ['under_repair'], 'in_armory', 'firearms.write'],
  ['reportLost', ['in_armory', 'issued', 'under_repair'], 'lost', 'firearms.write', 'lossReport'],
  ['reportStolen', ['in_armory', 'issued', 'under_repair'], 'stolen', 'firearms.write', 'lossReport'],
  ['recover', ['lost', 'stolen'], 'recovered', 'firearms.write'],
  ['restoreToArmory', ['recovered'], 'in_armory', 'firearms.control'],
  ['seize', ['in_armory', 'issued', 'under_repair', 'recovered', 'surplus'], 'seized', 'firearms.control'],
  ['releaseFromCustody', ['seized'], 'in_armory', 'firearms.control'],
  ['transferToCompany', ['in_armory'], 'in_armory', 'firearms.control', 'otherCompany'],
  ['transferToState', ['in_armory', 'seized', 'recovered', 'surplus'], 'transferred', 'firearms.control'],
  ['declareSurplus', ['in_armory', 'under_repair', 'seized'], 'surplus', 'firearms.control'],
  ['destroy', ['surplus'], 'destroyed', 'firearms.control', 'destruction'],
];

export const FIREARM_TRANSITIONS: readonly FirearmTransition[] = rows.flatMap(([action, froms, to, permission, guard]) =>
  froms.map((from) => ({ action, from, to, permission, ...(guard ? { guard } : {}) })),
);

/** The transition for `action` from `state`, or null when the table does not allow it. */
export function firearmTransition(state: FirearmState, action: FirearmAction): FirearmTransition | null {
  return FIREARM_TRANSITIONS.find((t) => t.from === state && t.action === action) ?? null;
}

/** Actions available from `state` to someone holding `can(permission)`; the UI shows only these. */
export function availableFirearmActions(state: FirearmState, can: (p: Permission) => boolean): FirearmAction[] {
  return FIREARM_TRANSITIONS.filter((t) => t.from === state && can(t.permission)).map((t) => t.action);
}

/** States in which a weapon is accounted for on a custody list (seized, handed to the state, destroyed). */
export const CUSTODY_ACCOUNTED_STATES: readonly FirearmState[] = ['seized', 'transferred', 'destroyed'];

/** States with no way out: nothing more can happen to the weapon in the register. */
export const FIREARM_FINAL_STATES: readonly FirearmState[] = FIREARM_STATES.filter(
  (s) => !FIREARM_TRANSITIONS.some((t) => t.from === s),
);
