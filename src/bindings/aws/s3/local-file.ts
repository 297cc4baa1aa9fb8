/** Local files for `filePath`: daprd reads and writes any path; here only below the temporary folder (/tmp on Lambda). */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

/** Go's `*PathError` text: `open /x: no such file or directory`. */
function goPathError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  return new Error(`open ${file}: ${(code && ERRNO_TEXT[code]) ?? (error as Error).message}`, { cause: error });
}

/** A file path refused because it leaves the temporary folder. */
export class OutsideTmpError extends Error {}

async function tmpRoot(): Promise<string> {
  return fs.realpath(os.tmpdir());
}

function within(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(`${root}/`);
}

/** The real path of `file` (or of its folder, for a file not there yet), refused outside the temporary folder. */
async function checked(file: string): Promise<void> {
  const root = await tmpRoot();
  const absolute = path.resolve(file);
  let real: string;
  try {
    real = await fs.realpath(absolute);
  } catch {
    real = path.join(
      await fs.realpath(path.dirname(absolute)).catch(() => path.dirname(absolute)),
      path.basename(absolute),
    );
  }
  if (!within(root, real))
    throw new OutsideTmpError(`filePath ${file} is outside ${root}, the only folder a function may use`);
}

/** Reads a whole local file; Go's error text when it cannot be opened. */
export async function readLocalFile(file: string): Promise<Buffer> {
  await checked(file);
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw goPathError(file, error);
  }
}

/** Creates or truncates a local file with the bytes (Go's `os.Create`); Go's error text on failure. */
export async function writeLocalFile(file: string, bytes: Buffer): Promise<void> {
  await checked(file);
  try {
    await fs.writeFile(file, bytes, { mode: 0o666 });
  } catch (error) {
    throw goPathError(file, error);
  }
}
