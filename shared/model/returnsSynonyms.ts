import type { ReturnSheet } from './returns.ts';

/**
 * What companies actually write in their headers and cells, in Spanish, English and Portuguese.
 * Compared after {@link fold}: lower case, no accents, punctuation as single spaces.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[º°ª]/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Header synonyms per field; the field key itself always matches too. */
export const HEADER_SYNONYMS: Record<string, readonly string[]> = {
  company_licence_no: [
    'licencia', 'no licencia', 'numero de licencia', 'n licencia', 'licencia empresa', 'licencia de la empresa', 'licencia de funcionamiento',
    'no de licencia', 'company licence', 'company license', 'licence no', 'license no', 'license number', 'licence number',
    'licenca', 'numero da licenca', 'licenca da empresa', 'autorizacion', 'no autorizacion',
  ],
  national_id: [
    'dpi', 'cedula', 'cedula de identidad', 'cui', 'dni', 'curp', 'rut', 'ci', 'documento', 'documento de identidad', 'no documento',
    'numero de documento', 'identificacion', 'id nacional', 'national id', 'id number', 'cpf', 'rg', 'documento identidade', 'numero documento',
  ],
  full_name: [
    'nombre', 'nombre completo', 'nombres y apellidos', 'apellidos y nombres', 'name', 'full name', 'nome', 'nome completo', 'empleado', 'agente',
  ],
  birth_date: [
    'fecha de nacimiento', 'fecha nacimiento', 'f nacimiento', 'nacimiento', 'birth date', 'date of birth', 'dob', 'data de nascimento', 'nascimento',
  ],
  role: ['cargo', 'puesto', 'funcion', 'rol', 'role', 'position', 'job title', 'funcao', 'cargo funcao'],
  credential_no: [
    'credencial', 'no credencial', 'numero de credencial', 'carne', 'no carne', 'carnet', 'licencia del agente', 'credential', 'credential no',
    'credential number', 'card number', 'cnv', 'numero cnv', 'carteira', 'carteira nacional de vigilante',
  ],
  credential_expiry: [
    'vencimiento credencial', 'vence credencial', 'vencimiento carne', 'vigencia', 'vigencia credencial', 'fecha de vencimiento', 'vencimiento',
    'credential expiry', 'credential expiration', 'expiry', 'expiration date', 'validade', 'validade cnv', 'vencimento',
  ],
  training_hours: [
    'horas de capacitacion', 'horas capacitacion', 'horas de formacion', 'capacitacion horas', 'training hours', 'hours of training',
    'horas de treinamento', 'carga horaria',
  ],
  armed: ['armado', 'porta arma', 'portador de arma', 'armed', 'armed yes no', 'armado si no', 'armado s n'],
  serial_no: [
    'serie', 'no de serie', 'no serie', 'numero de serie', 'n de serie', 'serial', 'serial no', 'serial number', 'numero de serie da arma',
    'no serie arma', 'serie del arma', 'numero serie',
  ],
  make: ['marca', 'fabricante', 'make', 'manufacturer', 'brand'],
  model: ['modelo', 'model'],
  type: ['tipo', 'tipo de arma', 'clase', 'clase de arma', 'type', 'weapon type', 'firearm type', 'especie', 'tipo da arma'],
  calibre: ['calibre', 'caliber', 'calibre mm', 'cal'],
  manufacturer_country: [
    'pais de fabricacion', 'pais fabricacion', 'pais de origen', 'origen', 'country of manufacture', 'manufacturer country', 'pais de fabricacao', 'pais',
  ],
  marking_code: ['marcaje', 'codigo de marcaje', 'marca de importacion', 'marking', 'marking code', 'import mark', 'marcacao'],
  status: ['estado', 'situacion', 'estatus', 'status', 'condicion', 'situacao'],
  acquired_date: [
    'fecha de adquisicion', 'fecha adquisicion', 'adquisicion', 'fecha de compra', 'acquired', 'acquired date', 'acquisition date',
    'data de aquisicao', 'aquisicao',
  ],
  assigned_to_national_id: [
    'asignada a', 'asignado a', 'dpi asignado', 'dpi del portador', 'cedula del portador', 'portador', 'asignada a dpi', 'assigned to',
    'assigned to national id', 'holder id', 'atribuida a', 'cpf do portador',
  ],
  ammunition_type: ['tipo de municion', 'tipo municion', 'ammunition type', 'ammo type', 'tipo de municao'],
  lot_no: ['lote', 'no lote', 'numero de lote', 'lot', 'lot no', 'lot number'],
  quantity: ['cantidad', 'existencia', 'existencias', 'quantity', 'qty', 'quantidade', 'cartuchos'],
};

/** Sheet names as companies write them; CSV files are recognised by their headers instead. */
export const SHEET_SYNONYMS: Record<ReturnSheet, readonly string[]> = {
  PERSONNEL: ['personnel', 'personal', 'personas', 'empleados', 'agentes', 'vigilantes', 'staff', 'pessoal', 'funcionarios', 'nomina'],
  FIREARMS: ['firearms', 'armas', 'armas de fuego', 'inventario de armas', 'armamento', 'weapons', 'armas de fogo'],
  AMMUNITION: ['ammunition', 'municiones', 'municion', 'municoes', 'cartuchos', 'ammo'],
};

/** Cell value synonyms per enumeration value. */
export const VALUE_SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  role: {
    guard: ['guardia', 'agente', 'vigilante', 'agente de seguridad', 'guardia de seguridad', 'guard', 'security guard', 'seguranca', 'vigilante desarmado', 'agente desarmado'],
    supervisor: ['supervisor', 'supervisora', 'jefe de turno', 'supervisor de turno', 'fiscal'],
    armed_guard: ['guardia armado', 'agente armado', 'vigilante armado', 'armed guard', 'guardia armada', 'agente armada'],
    escort: ['escolta', 'guardaespaldas', 'escort', 'bodyguard', 'proteccion personal', 'seguranca pessoal'],
    manager: ['gerente', 'jefe', 'director', 'administrador', 'manager', 'jefe de seguridad', 'gestor'],
  },
  type: {
    pistol: ['pistola', 'pistol', 'pist'],
    revolver: ['revolver', 'revolver', 'rev'],
    shotgun: ['escopeta', 'shotgun', 'espingarda', 'escopeta de bombeo', 'carabina escopeta'],
    rifle: ['fusil', 'rifle', 'fuzil'],
    carbine: ['carabina', 'carbine'],
    submachine_gun: ['subametralladora', 'ametralladora', 'submachine gun', 'smg', 'submetralhadora', 'metralhadora'],
  },
  status: {
    in_armory: ['en armeria', 'armeria', 'en deposito', 'deposito', 'en bodega', 'in armory', 'in armoury', 'stored', 'em deposito', 'acautelada', 'almacenada'],
    assigned: ['asignada', 'asignado', 'en servicio', 'en uso', 'assigned', 'issued', 'em uso', 'atribuida', 'entregada'],
    lost: ['extraviada', 'extraviado', 'perdida', 'perdido', 'lost', 'extraviada perdida'],
    stolen: ['robada', 'robado', 'hurtada', 'hurtado', 'stolen', 'roubada', 'furtada', 'sustraida'],
    destroyed: ['destruida', 'destruido', 'destroyed', 'destruida inutilizada', 'inutilizada'],
    transferred: ['transferida', 'transferido', 'traspasada', 'vendida', 'transferred', 'transferida a otra empresa'],
    under_repair: ['en reparacion', 'reparacion', 'en mantenimiento', 'mantenimiento', 'under repair', 'in repair', 'em manutencao', 'em reparo'],
  },
  armed: {
    yes: ['si', 's', 'yes', 'y', 'sim', 'x', '1', 'true', 'verdadero', 'armado'],
    no: ['no', 'n', 'nao', '0', 'false', 'falso', 'desarmado'],
  },
  ammunition_type: {
    ball: ['ball', 'fmj', 'encamisada', 'bala', 'ojiva', 'comum', 'normal', 'punta solida', 'convencional'],
    hollow_point: ['hollow point', 'punta hueca', 'expansiva', 'jhp', 'hp', 'ponta oca'],
    buckshot: ['buckshot', 'postas', 'posta', 'chumbo grosso'],
    birdshot: ['birdshot', 'perdigones', 'perdigon', 'chumbo fino'],
    slug: ['slug', 'balazo', 'bala unica', 'balote'],
    training: ['training', 'practica', 'entrenamiento', 'treino', 'fogueo'],
    other: ['other', 'otro', 'otra', 'outro'],
  },
};

const enumCache = new Map<string, Map<string, string | null>>();
const enumIndex = new Map<string, Map<string, string>>();

/**
 * The enumeration value a cell names (the value itself or a synonym), or null. Results are
 * cached per field and spelling: a national return repeats the same few spellings 600,000 times.
 */
export function enumValue(field: string, raw: string, values: readonly string[]): string | null {
  let cache = enumCache.get(field);
  if (!cache) { cache = new Map(); enumCache.set(field, cache); }
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  let idx = enumIndex.get(field);
  if (!idx) {
    idx = new Map();
    for (const [value, syns] of Object.entries(VALUE_SYNONYMS[field] ?? {})) for (const syn of syns) idx.set(fold(syn), value);
    for (const v of values) idx.set(fold(v), v);
    enumIndex.set(field, idx);
  }
  const v = fold(raw);
  const out = v ? (values.includes(raw.trim()) ? raw.trim() : idx.get(v) ?? null) : null;
  if (cache.size < 10_000) cache.set(raw, out);
  return out;
}
