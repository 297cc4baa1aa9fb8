import { randomUUID } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { DriverFailureError, InvalidRequestMetadataError } from '../../api/errors';
import { goMarshal } from '../../api/go-json';
import type { Driver, DriverContext, InvokeRequest, InvokeResponse } from '../driver';
import { bytesToWrite, isWithin, resolveUnderRoot } from './data';
import { isDisallowedRoot, type LocalStorageConfig } from './spec';

type Operation = 'create' | 'get' | 'list' | 'delete';

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Go's error text for a failed syscall on a path (`open /x: no such file or directory`), near enough. */
function osMessage(op: string, file: string, error: unknown): string {
  const code = errnoOf(error);
  const texts: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    EACCES: 'permission denied',
    EEXIST: 'file exists',
    ENOTEMPTY: 'directory not empty',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
  };
  return `${op} ${file}: ${(code && texts[code]) ?? (error as Error).message}`;
}

/** A path goes through a symbolic link whose target does not exist (writing through it would create that target). */
class DanglingLinkError extends Error {
  constructor(readonly link: string) {
    super(`${link} is a dangling symbolic link`);
  }
}

/** The real path of `target`'s deepest existing ancestor (or of `target`), with the part that does not exist yet. */
async function realpathOfExisting(target: string): Promise<string> {
  let existing = target;
  let rest = '';
  for (;;) {
    try {
      return path.join(await fs.realpath(existing), rest);
    } catch (error) {
      const code = errnoOf(error);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || existing === path.dirname(existing)) throw error;
      // An entry that exists but does not resolve is a dangling symbolic link: where it leads is unknown.
      if (
        await fs.lstat(existing).then(
          () => true,
          () => false,
        )
      )
        throw new DanglingLinkError(existing);
      rest = path.join(path.basename(existing), rest);
      existing = path.dirname(existing);
    }
  }
}

/**
 * daprd's `validateRootPath`: not empty, made absolute against the working directory, symlinks
 * resolved on the part that exists, not a file, and not under a disallowed location.
 */
export async function resolveRootPath(rootPath: string): Promise<string> {
  if (rootPath === '') throw new Error('property rootPath must not be empty');
  const absolute = path.resolve(rootPath);
  const resolved = await realpathOfExisting(absolute);
  let stats: Stats | undefined;
  try {
    stats = await fs.stat(resolved);
  } catch {
    stats = undefined;
  }
  if (stats && !stats.isDirectory()) throw new Error('property rootPath represents a file and not a directory');
  if (isDisallowedRoot(resolved)) throw new Error('property rootPath points to a disallowed location');
  return resolved;
}

/** Every non-directory below `root`, depth first in byte order of names, as Go's `filepath.Walk` visits them. */
async function walk(root: string, files: string[]): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.lstat(root);
  } catch {
    return;
  }
  if (!stats.isDirectory()) {
    files.push(root);
    return;
  }
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return; // daprd's walk function ignores the error and goes on
  }
  names.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  for (const name of names) await walk(path.join(root, name), files);
}

/** Creates the root folder (as daprd's Init) and serves daprd's four file operations under it. */
export async function createLocalStorageDriver(
  config: LocalStorageConfig,
  context: DriverContext,
): Promise<Driver<Operation>> {
  const rootPath = await resolveRootPath(config.rootPath).catch((error: Error) => {
    throw new Error(`failed to parse metadata: ${error.message}`, { cause: error });
  });
  try {
    await fs.mkdir(rootPath, { recursive: true, mode: 0o777 });
  } catch (error) {
    throw new Error(
      `unable to create directory specified by 'rootPath' ${rootPath}: ${osMessage('mkdir', rootPath, error)}`,
      { cause: error },
    );
  }

  const fail = (request: InvokeRequest, detail: string, cause?: unknown): never => {
    throw new DriverFailureError(request.name, detail, { cause });
  };

  /** The file's absolute and relative paths; refuses a name that leaves the root, lexically or through a symlink. */
  const locate = async (request: InvokeRequest, fileName: string) => {
    const located = resolveUnderRoot(rootPath, fileName);
    if ('problem' in located) throw new InvalidRequestMetadataError(request.name, located.problem);
    const real = await realpathOfExisting(located.absPath).catch((error: unknown) => {
      if (error instanceof DanglingLinkError) return undefined;
      return fail(request, `error getting absolute path for file ${fileName}: ${(error as Error).message}`, error);
    });
    if (real === undefined || !isWithin(rootPath, real)) {
      throw new InvalidRequestMetadataError(
        request.name,
        `invalid file name ${fileName}: it resolves through a symbolic link to outside of rootPath`,
      );
    }
    return located;
  };

  const create = async (request: InvokeRequest): Promise<InvokeResponse> => {
    const fileName = request.metadata.fileName || randomUUID();
    const data = bytesToWrite(request.data);
    const { absPath, relPath } = await locate(request, fileName);
    const dir = path.dirname(absPath);
    try {
      await fs.mkdir(dir, { recursive: true, mode: 0o777 });
    } catch (error) {
      fail(request, `error creating directory ${dir}: ${osMessage('mkdir', dir, error)}`, error);
    }
    try {
      await fs.writeFile(absPath, data, { mode: 0o666 });
    } catch (error) {
      fail(request, `error creating file ${absPath}: ${osMessage('open', absPath, error)}`, error);
    }
    context.logger.debug('wrote file', { path: absPath, bytes: data.length });
    return { data: Buffer.from(goMarshal({ fileName: relPath })) };
  };

  const get = async (request: InvokeRequest): Promise<InvokeResponse> => {
    const { absPath } = await locate(request, request.metadata.fileName ?? '');
    try {
      return { data: await fs.readFile(absPath) };
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') fail(request, `file not found: ${absPath}`, error);
      if (errnoOf(error) === 'EISDIR')
        fail(request, `error reading file ${absPath}: ${osMessage('read', absPath, error)}`);
      return fail(request, `error opening path ${absPath}: ${osMessage('open', absPath, error)}`, error);
    }
  };

  const list = async (request: InvokeRequest): Promise<InvokeResponse> => {
    const { absPath } = await locate(request, request.metadata.fileName ?? '');
    let stats: Stats;
    try {
      stats = await fs.stat(absPath);
    } catch (error) {
      return fail(request, `error getting stats for path ${absPath}: ${osMessage('stat', absPath, error)}`, error);
    }
    if (!stats.isDirectory()) {
      fail(request, `unable to list files as the file specified is not a directory: ${absPath}`);
    }
    const files: string[] = [];
    await walk(absPath, files);
    // Go marshals the nil slice of an empty folder as null.
    return { data: Buffer.from(files.length === 0 ? 'null' : goMarshal(files)) };
  };

  const remove = async (request: InvokeRequest): Promise<void> => {
    const { absPath } = await locate(request, request.metadata.fileName ?? '');
    // Go's os.Remove: unlink, and rmdir for a folder.
    try {
      await fs.unlink(absPath);
    } catch (error) {
      const code = errnoOf(error);
      if (code !== 'EISDIR' && code !== 'EPERM') {
        fail(request, `error deleting file ${absPath}: ${osMessage('remove', absPath, error)}`, error);
      }
      try {
        await fs.rmdir(absPath);
      } catch (rmdirError) {
        fail(request, `error deleting file ${absPath}: ${osMessage('remove', absPath, rmdirError)}`, rmdirError);
      }
    }
    context.logger.debug('removed file', { path: absPath });
  };

  return {
    operations: { create, get, list, delete: remove },
    close: async () => {},
  };
}
