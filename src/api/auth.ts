import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares the `dapr-api-token` header to the configured token in constant time (hashing hides the length). */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
