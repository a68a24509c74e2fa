import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';

/** Package files are named by absolute path, never relative to wherever the app was started. */
export function absolute(path: string, field = 'path'): string {
  if (!isAbsolute(path)) throw AppError.validation(field, 'validation.absolutePath');
  return resolve(path);
}

/** Writes the whole file or nothing (temp, fsync, rename); never overwrites another file. */
export function writeNewFile(path: string, bytes: Buffer): void {
  if (existsSync(path)) throw AppError.validation('path', 'errors.fieldFileExists');
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

const MAX_PACKAGE = 2 * 1024 * 1024 * 1024;

export function readPackageFile(path: string): Buffer {
  if (!existsSync(path) || !statSync(path).isFile()) throw new AppError('NOT_FOUND', 'errors.fieldFileNotFound', {}, 'path');
  if (statSync(path).size > MAX_PACKAGE) throw new AppError('INTEGRITY', 'errors.fieldNotAPackage', {}, 'path');
  return readFileSync(path);
}
