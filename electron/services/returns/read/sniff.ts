import { IMPORT_LIMITS } from '../../../../shared/model/returns.ts';
import { ImportProblem } from '../problems.ts';

export type FileFormat = 'csv' | 'xlsx' | 'ods';

/**
 * What a file really is, from its first bytes, never from its name: a ZIP holding
 * `xl/workbook.xml` is XLSX, one holding `content.xml` with the ODS mimetype is ODS, anything
 * else that decodes as text is CSV. A name that says otherwise is refused (FILE_TYPE_MISMATCH):
 * it is how a renamed executable or a mislabelled export shows itself.
 */
export function sniffFormat(name: string, bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new ImportProblem('FILE_EMPTY', { file: name });
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) throw new ImportProblem('FILE_TOO_LARGE', { file: name, max: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 });
  const ext = (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  let format: FileFormat | null = null;
  if (isZip) {
    const entries = zipEntries(name, bytes);
    if (entries.some((e) => e.name === 'xl/workbook.xml')) format = 'xlsx';
    else if (entries.some((e) => e.name === 'content.xml')) format = 'ods';
    else throw new ImportProblem('FILE_UNSUPPORTED', { file: name });
  } else if (isOleOrBinary(bytes)) {
    throw new ImportProblem(ext === 'xls' ? 'FILE_UNSUPPORTED' : 'BINARY_CONTENT', { file: name });
  } else {
    format = 'csv';
  }
  const expected: Record<string, FileFormat> = { csv: 'csv', txt: 'csv', tsv: 'csv', xlsx: 'xlsx', xlsm: 'xlsx', ods: 'ods' };
  if (ext && ext in expected && expected[ext] !== format) throw new ImportProblem('FILE_TYPE_MISMATCH', { file: name, ext, actual: format });
  if (ext && !(ext in expected)) throw new ImportProblem('FILE_UNSUPPORTED', { file: name });
  return format;
}

/** Old binary .xls (OLE2), PDFs, images, executables: not a text table. */
function isOleOrBinary(b: Uint8Array): boolean {
  const sig = (s: number[]) => s.every((x, i) => b[i] === x);
  return sig([0xd0, 0xcf, 0x11, 0xe0]) || sig([0x25, 0x50, 0x44, 0x46]) || sig([0x89, 0x50, 0x4e, 0x47]) || sig([0xff, 0xd8, 0xff]) ||
    sig([0x4d, 0x5a]) || sig([0x7f, 0x45, 0x4c, 0x46]) || sig([0x1f, 0x8b]);
}

export interface ZipEntry {
  name: string; compressed: number; uncompressed: number;
  /** 0 stored, 8 deflated (anything else is read, and refused, by the streaming path). */
  method: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

/**
 * Reads the ZIP central directory (never inflating anything) and refuses archives whose
 * declared content is too large or too compressed: a zip bomb is stopped before a byte of it
 * is inflated. A missing or cut directory means a truncated file (FILE_CORRUPT).
 */
export function zipEntries(name: string, b: Uint8Array): ZipEntry[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ImportProblem('FILE_CORRUPT', { file: name });
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  let p = dv.getUint32(eocd + 16, true);
  if (p + cdSize > b.length) throw new ImportProblem('FILE_CORRUPT', { file: name });
  const out: ZipEntry[] = [];
  let total = 0;
  let totalCompressed = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || dv.getUint32(p, true) !== 0x02014b50) throw new ImportProblem('FILE_CORRUPT', { file: name });
    const compressed = dv.getUint32(p + 20, true);
    const uncompressed = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) throw new ImportProblem('ZIP_BOMB', { file: name }); // ZIP64: far beyond any return
    if (localOffset + compressed > b.length) throw new ImportProblem('FILE_CORRUPT', { file: name });
    const entryName = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    out.push({ name: entryName, compressed, uncompressed, method: dv.getUint16(p + 10, true), localOffset });
    total += uncompressed;
    totalCompressed += compressed;
    if (total > IMPORT_LIMITS.maxUncompressedBytes) throw new ImportProblem('ZIP_BOMB', { file: name });
    if (uncompressed > 1024 * 1024 && compressed > 0 && uncompressed / compressed > IMPORT_LIMITS.maxCompressionRatio) throw new ImportProblem('ZIP_BOMB', { file: name });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (totalCompressed > 0 && total > 10 * 1024 * 1024 && total / totalCompressed > IMPORT_LIMITS.maxCompressionRatio) throw new ImportProblem('ZIP_BOMB', { file: name });
  return out;
}
