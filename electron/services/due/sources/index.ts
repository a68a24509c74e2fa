import type { DueKind } from '../../../../shared/model/due.ts';
import type { DueSource } from '../source.ts';
import { licenceExpiry } from './licenceExpiry.ts';
import { applicationDeadline } from './applicationDeadline.ts';
import { appealWindow } from './appealWindow.ts';
import { guaranteeExpiry } from './guaranteeExpiry.ts';
import { insuranceExpiry } from './insuranceExpiry.ts';
import { credentialExpiry } from './credentialExpiry.ts';
import { healthCertificate } from './healthCertificate.ts';
import { certificationExpiry } from './certificationExpiry.ts';

/** Every source of the Due view. Another area adds its file and one line here (and its kind in `shared/model/due.ts`). */
export const DUE_SOURCES: Record<DueKind, DueSource> = {
  licence_expiry: licenceExpiry,
  application_deadline: applicationDeadline,
  appeal_window: appealWindow,
  guarantee_expiry: guaranteeExpiry,
  insurance_expiry: insuranceExpiry,
  credential_expiry: credentialExpiry,
  health_certificate: healthCertificate,
  certification_expiry: certificationExpiry,
};
