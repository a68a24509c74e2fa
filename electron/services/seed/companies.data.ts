import { brCnpjCheck, coNitCheck, gtNitCheck, peRucCheck, type Country } from '../../../shared/model/taxId.ts';
import { SERVICE_TYPES, type IcocaStatus, type ServiceType } from '../../../shared/model/company.ts';
import type { CompanyFields } from '../../../shared/commands/companies.ts';

/** Small deterministic PRNG (mulberry32): the same seed gives the same demo register everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const digitsOf = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

interface Place { country: Country; cities: string[]; currency: string; phone: string }
const PLACES: Place[] = [
  { country: 'GT', cities: ['Ciudad de Guatemala', 'Mixco', 'Quetzaltenango', 'Escuintla', 'Cobán', 'Petén', 'Huehuetenango', 'Antigua Guatemala'], currency: 'GTQ', phone: '+502' },
  { country: 'CO', cities: ['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Cartagena', 'Bucaramanga', 'Cúcuta'], currency: 'COP', phone: '+57' },
  { country: 'BR', cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Brasília', 'Salvador', 'Curitiba', 'Recife'], currency: 'BRL', phone: '+55' },
  { country: 'PE', cities: ['Lima', 'Arequipa', 'Trujillo', 'Chiclayo', 'Cusco', 'Piura'], currency: 'PEN', phone: '+51' },
  { country: 'MX', cities: ['Ciudad de México', 'Guadalajara', 'Monterrey', 'Puebla', 'Tijuana', 'Mérida'], currency: 'MXN', phone: '+52' },
  { country: 'HN', cities: ['Tegucigalpa', 'San Pedro Sula', 'La Ceiba', 'Choluteca'], currency: 'HNL', phone: '+504' },
  { country: 'SV', cities: ['San Salvador', 'Santa Ana', 'San Miguel', 'Soyapango'], currency: 'USD', phone: '+503' },
  { country: 'CR', cities: ['San José', 'Alajuela', 'Heredia', 'Cartago', 'Liberia'], currency: 'CRC', phone: '+506' },
];

const PREFIX = ['Seguridad', 'Vigilancia', 'Protección', 'Custodia', 'Servicios de Seguridad', 'Grupo', 'Corporación de Seguridad', 'Escoltas', 'Guardianes'];
const CORE = ['Quetzal', 'Cóndor', 'Jaguar', 'Ceiba', 'Águila Real', 'Los Andes', 'Maya', 'Caribe', 'Pacífico', 'Volcán', 'Atitlán', 'Sierra Madre', 'Tikal', 'Amazonia', 'Ñandú', 'Zenit', 'Centinela del Sur', 'Baluarte', 'Halcón', 'Pirámide', 'Alianza', 'Orión', 'Mirador', 'Cordillera', 'Esmeralda', 'Petén', 'Magdalena', 'Guaraní'];
const SUFFIX: Record<Country, string[]> = {
  GT: ['S.A.', 'Sociedad Anónima'], CO: ['S.A.S.', 'Ltda.'], BR: ['Ltda.', 'S.A.', 'Eireli'], PE: ['S.A.C.', 'S.R.L.'],
  MX: ['S.A. de C.V.', 'S. de R.L. de C.V.'], HN: ['S. de R.L.', 'S.A.'], SV: ['S.A. de C.V.'], CR: ['S.A.', 'S.R.L.'],
} as Record<Country, string[]>;
const FIRST = ['María José', 'José Luis', 'Ana Lucía', 'Juan Carlos', 'Rosa Elena', 'Luis Fernando', 'Carmen', 'Héctor', 'Sofía', 'Andrés', 'Gabriela', 'João', 'Patrícia', 'Iñaki', 'Mónica', 'Óscar', 'Beatriz', 'Ramón', 'Lucía', 'Sebastián'];
const LAST = ['García', 'Hernández', 'López', 'Martínez', 'Pérez', 'González', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cifuentes', 'Ajú', 'Xicará', 'Peña', 'Muñoz', 'Gonçalves', 'Conceição', 'Quispe', 'Mamani', 'Ibáñez', 'Castañeda'];
const STREETS = ['Avenida Reforma', 'Calle Real', 'Boulevard Los Próceres', 'Avenida Las Américas', 'Calzada Roosevelt', 'Rua Augusta', 'Carrera 7', 'Avenida Arequipa', 'Paseo Colón'];

function taxIdFor(r: () => number, c: Country): string {
  switch (c) {
    case 'GT': { const b = String(1 + Math.floor(r() * 9)) + digitsOf(r, 6); return `${b}-${gtNitCheck(b)}`; }
    case 'CO': { const b = '9' + digitsOf(r, 8); return `${b}-${coNitCheck(b)}`; }
    case 'BR': { const b = digitsOf(r, 8) + '0001'; return b + brCnpjCheck(b); }
    case 'PE': { const b = '20' + digitsOf(r, 8); return b + peRucCheck(b); }
    case 'MX': {
      const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
      const yy = String(Math.floor(r() * 30) + 90).slice(-2);
      const mm = String(1 + Math.floor(r() * 12)).padStart(2, '0');
      const dd = String(1 + Math.floor(r() * 28)).padStart(2, '0');
      return `${pick(r, [...L])}${pick(r, [...L])}${pick(r, [...L])}${yy}${mm}${dd}${pick(r, [...L])}${pick(r, [...L])}${Math.floor(r() * 10)}`;
    }
    case 'HN': return '0801' + digitsOf(r, 10);
    case 'SV': return '0614' + digitsOf(r, 10);
    case 'CR': return '3101' + digitsOf(r, 6);
    default: return digitsOf(r, 10);
  }
}

const person = (r: () => number) => `${pick(r, FIRST)} ${pick(r, LAST)} ${pick(r, LAST)}`;
const isoDay = (base: Date, days: number) => new Date(base.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * `n` realistic companies spread over eight countries, with accents, valid tax ids and
 * check digits, owners, branches, guarantees and insurance. Deterministic for a given seed.
 * `home` puts most of them in the agency's own country, as a national register would.
 */
export function* demoCompanies(n: number, seed = 20261123, today = new Date('2026-11-23T00:00:00Z'), home: Country = 'GT'): Generator<CompanyFields> {
  const r = prng(seed);
  const homePlace = PLACES.find((p) => p.country === home) ?? PLACES[0];
  for (let i = 0; i < n; i++) {
    const place = r() < 0.7 ? homePlace : pick(r, PLACES);
    const c = place.country;
    const core = pick(r, CORE);
    // A numeral keeps names unique at national scale without looking machine-made.
    const legalName = `${pick(r, PREFIX)} ${core}${i >= CORE.length * 4 ? ` ${(i % 97) + 1}` : ''}, ${pick(r, SUFFIX[c] ?? ['S.A.'])}`;
    const services = SERVICE_TYPES.filter(() => r() < 0.3) as ServiceType[];
    if (services.length === 0) services.push('static_guarding');
    const armed = r() < 0.65;
    const city = pick(r, place.cities);
    const icoca: IcocaStatus = pick(r, ['none', 'none', 'none', 'none', 'applicant', 'transitional', 'certified', 'suspended'] as const);
    const ownersCount = 1 + Math.floor(r() * 3);
    let remaining = 100;
    const owners = Array.from({ length: ownersCount }, (_, k) => {
      const share = k === ownersCount - 1 ? remaining : Math.max(5, Math.floor(r() * remaining * 0.7));
      remaining -= share;
      return { fullName: person(r), nationalId: digitsOf(r, 13), nationality: c, sharePercent: share, criminalRecordDeclared: r() < 0.9, declarationDate: isoDay(today, -Math.floor(r() * 700)) };
    });
    const branches = Array.from({ length: Math.floor(r() * 3) }, () => ({ name: `Sucursal ${pick(r, place.cities)}`, city: pick(r, place.cities), address: `${pick(r, STREETS)} ${1 + Math.floor(r() * 40)}-${10 + Math.floor(r() * 80)}`, phone: `${place.phone} ${digitsOf(r, 8)}` }));
    yield {
      country: c,
      taxId: taxIdFor(r, c),
      legalName,
      tradeName: r() < 0.7 ? `${core} ${pick(r, ['Seguridad', 'Security', 'Protección', 'Vigilancia'])}` : null,
      legalRepName: person(r),
      legalRepId: digitsOf(r, 13),
      address: `${pick(r, STREETS)} ${1 + Math.floor(r() * 40)}-${10 + Math.floor(r() * 80)}, zona ${1 + Math.floor(r() * 18)}`,
      city,
      phone: `${place.phone} ${digitsOf(r, 8)}`,
      email: `contacto${i}@${core.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}-seguridad.example`,
      serviceTypes: services,
      armed,
      guaranteeAmount: Math.round(50_000 + r() * 950_000),
      guaranteeCurrency: place.currency,
      guaranteeExpiry: isoDay(today, Math.floor(r() * 900) - 200),
      insurer: pick(r, ['Seguros G&T', 'Aseguradora Rural', 'Mapfre', 'Seguros Bolívar', 'Porto Seguro', 'Rímac Seguros', 'Seguros Atlántida']),
      insurancePolicy: `RC-${digitsOf(r, 7)}`,
      insuranceAmount: Math.round(100_000 + r() * 4_900_000),
      insuranceExpiry: isoDay(today, Math.floor(r() * 700) - 100),
      icocaStatus: icoca,
      notes: null,
      owners,
      branches,
    };
  }
}
