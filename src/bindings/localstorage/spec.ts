import * as path from 'node:path';
import { defineBinding, field, type DecodedConfig } from '../spec';

/** daprd's `disallowedRootPaths` (bindings/localstorage/localstorage.go). */
const DISALLOWED_ROOT_PATHS = ['/proc', '/sys', '/boot', '/var/run/secrets'] as const;

const localStorageFields = {
  rootPath: field.string({
    description:
      'Folder the files live in (created at cold start); a relative path is resolved against the working directory, ' +
      'as daprd does. On Lambda only /tmp is writable (and per sandbox, not shared or durable): use a path under /tmp.',
    required: true,
  }),
};

/** The decoded localstorage component configuration. */
export type LocalStorageConfig = DecodedConfig<typeof localStorageFields>;

/** daprd's check of a root path against its disallowed locations, on an absolute, clean path. */
export function isDisallowedRoot(rootPath: string): boolean {
  return DISALLOWED_ROOT_PATHS.some((p) => rootPath === p || rootPath.startsWith(`${p}/`));
}

function validateLocalStorageConfig(config: LocalStorageConfig): string[] {
  if (config.rootPath === '') return ['property rootPath must not be empty'];
  // Symlinks and relative paths are resolved at cold start (on the build machine they mean nothing).
  if (path.isAbsolute(config.rootPath) && isDisallowedRoot(path.normalize(config.rootPath).replace(/(.)\/$/, '$1'))) {
    return ['property rootPath points to a disallowed location'];
  }
  return [];
}

/** The localstorage output binding. Operations in the order of daprd's `Operations()` (bindings/localstorage/localstorage.go). */
export const spec = defineBinding({
  type: 'bindings.localstorage',
  versions: ['v1'],
  description: "Reads and writes files under a folder of the function's own file system (/tmp on Lambda).",
  differences: [
    'A `fileName` that resolves outside `rootPath`, through `..` or a symlink, is refused with nothing written.',
    'On Lambda the folder is per sandbox and lost when the sandbox ends: use it for scratch files only, or keep this component on daprd.',
  ],
  metadata: localStorageFields,
  operations: {
    create: {
      description:
        'Writes the data (unquoted if it is a quoted string, then base64-decoded if it is valid base64) to the file, ' +
        'creating parent folders; 200 with `{"fileName":"<path relative to rootPath>"}`.',
      metadata: { fileName: 'Path under rootPath; a random UUID when absent. A path leaving rootPath is refused.' },
    },
    get: {
      description: 'The file bytes (200); a missing file fails with `file not found: <path>`.',
      metadata: { fileName: 'Path under rootPath (required in practice).' },
    },
    list: {
      description:
        'JSON array of the absolute paths of every file below the folder, recursively, in lexical order (`null` when none).',
      metadata: { fileName: 'Folder under rootPath to list; rootPath itself when absent.' },
    },
    delete: {
      description: 'Removes the file (or an empty folder); 204.',
      metadata: { fileName: 'Path under rootPath.' },
    },
  },
  validate: (config) => validateLocalStorageConfig(config),
  operationTimeoutMs: () => 30_000,
});
