/** Size of the handler bundle scripts/build.ts wrote (minified), and gzipped (level 9, as a deployment zip roughly compresses). */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { HANDLER_BUNDLE, ROOT } from './config';

export interface BundleResult {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function measureBundle(): BundleResult {
  const content = readFileSync(HANDLER_BUNDLE);
  return {
    file: HANDLER_BUNDLE.replace(`${ROOT}/`, ''),
    bytes: content.length,
    gzipBytes: gzipSync(content, { level: 9 }).length,
  };
}
