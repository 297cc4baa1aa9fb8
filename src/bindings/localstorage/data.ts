/**
 * Pure helpers with the exact semantics of the Go functions daprd's localstorage binding calls:
 * `strconv.Unquote` (from go-strconv.ts), `base64.StdEncoding.DecodeString`, and the root-relative path handling.
 */
import * as path from 'node:path';
import { goUnquote } from '../go-strconv';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Go's `base64.StdEncoding.DecodeString`: standard alphabet, padding required, `\r` and `\n`
 * skipped anywhere, non-zero trailing bits accepted; undefined when the text is not base64.
 */
export function goBase64Decode(input: Buffer): Buffer | undefined {
  const text = input.toString('latin1').replace(/[\r\n]/g, '');
  if (!BASE64.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

/** What daprd's `create` writes: the data unquoted when it is a Go string literal, then base64-decoded when it decodes. */
export function bytesToWrite(data: Buffer): Buffer {
  const unquoted = goUnquote(data) ?? data;
  return goBase64Decode(unquoted) ?? unquoted;
}

/** Why a file name is refused, or undefined. */
export function fileNameProblem(fileName: string): string | undefined {
  if (fileName.includes('\0')) return `invalid file name ${JSON.stringify(fileName)}: it contains a NUL character`;
  if (path.posix.isAbsolute(fileName)) return `invalid file name ${fileName}: absolute paths are not allowed`;
  const normalized = path.posix.normalize(fileName);
  if (normalized === '..' || normalized.startsWith('../')) {
    return `invalid file name ${fileName}: it points outside of rootPath`;
  }
  return undefined;
}

/**
 * The absolute path of a file name under a (resolved, absolute) root and its path relative to it,
 * as daprd's `getSecureAbsRelPath`; a name leaving the root is refused (daprd's securejoin clamps
 * it into the root instead). Returns an error message for a refused name.
 */
export function resolveUnderRoot(
  rootPath: string,
  fileName: string,
): { absPath: string; relPath: string } | { problem: string } {
  const problem = fileNameProblem(fileName);
  if (problem) return { problem };
  const absPath = path.posix.join(rootPath, fileName).replace(/(.)\/$/, '$1');
  const relPath = path.posix.relative(rootPath, absPath) || '.';
  return { absPath, relPath };
}

/** True when `candidate` is `root` or below it. */
export function isWithin(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith('/') ? root : `${root}/`);
}
