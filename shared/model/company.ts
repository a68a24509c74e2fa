/** Vocabulary of the company register (DOMAIN.md: Company). Labels live in the catalogues. */
export const SERVICE_TYPES = [
  'static_guarding',
  'mobile_patrol',
  'escort',
  'cash_in_transit',
  'electronic_security',
  'canine',
  'training_centre',
  'maritime',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Where the company stands with the International Code of Conduct Association. */
export const ICOCA_STATUSES = ['none', 'applicant', 'transitional', 'certified', 'suspended', 'withdrawn'] as const;
export type IcocaStatus = (typeof ICOCA_STATUSES)[number];

export const COMPANY_SORT_COLUMNS = [
  'legalName',
  'tradeName',
  'taxId',
  'country',
  'city',
  'armed',
  'icocaStatus',
  'guaranteeExpiry',
  'insuranceExpiry',
  'createdAt',
  'updatedAt',
] as const;
export type CompanySortColumn = (typeof COMPANY_SORT_COLUMNS)[number];
