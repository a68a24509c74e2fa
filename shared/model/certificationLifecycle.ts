import type { Transition } from './lifecycle.ts';

export const CERTIFICATION_STANDARDS = ['icoca_psc1', 'iso_18788', 'iso_28007', 'national'] as const;
export type CertificationStandard = (typeof CERTIFICATION_STANDARDS)[number];

export const CERTIFICATION_STATES = ['transitional', 'certified', 'suspended', 'withdrawn', 'expired'] as const;
export type CertificationState = (typeof CERTIFICATION_STATES)[number];

export const CERTIFICATION_ACTIONS = ['certify', 'suspend', 'reinstate', 'withdraw', 'expire'] as const;
export type CertificationAction = (typeof CERTIFICATION_ACTIONS)[number];

/** Certification lifecycle (DOMAIN: Transitional → Certified → Suspended | Withdrawn | Expired). */
export const CERTIFICATION_TRANSITIONS: readonly Transition<CertificationState, CertificationAction>[] = [
  { from: 'transitional', to: 'certified', action: 'certify', permission: 'certifications.write' },
  { from: 'transitional', to: 'withdrawn', action: 'withdraw', permission: 'certifications.write' },
  { from: 'certified', to: 'suspended', action: 'suspend', permission: 'certifications.write' },
  { from: 'certified', to: 'withdrawn', action: 'withdraw', permission: 'certifications.write' },
  { from: 'certified', to: 'expired', action: 'expire', permission: 'certifications.write' },
  { from: 'suspended', to: 'certified', action: 'reinstate', permission: 'certifications.write' },
  { from: 'suspended', to: 'withdrawn', action: 'withdraw', permission: 'certifications.write' },
  { from: 'suspended', to: 'expired', action: 'expire', permission: 'certifications.write' },
];

/** Days before expiry a certification is shown among due items. */
export const CERTIFICATION_DUE_DAYS = 90;
