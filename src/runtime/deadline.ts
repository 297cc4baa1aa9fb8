/** How much of the invocation's remaining time is kept back, so the caller gets an answer before Lambda's timeout. */
export const DEFAULT_DEADLINE_MARGIN_MS = 500;

/** The time a call may take: the component's own bound, never past the invocation's end minus the margin. */
export function callTimeoutMs(componentTimeoutMs: number, remainingMs: number | undefined, marginMs: number): number {
  if (remainingMs === undefined) return componentTimeoutMs;
  return Math.max(0, Math.min(componentTimeoutMs, remainingMs - marginMs));
}

/** Rejects with `onTimeout()` when the signal aborts first; otherwise settles as the promise does. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal, onTimeout: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(onTimeout());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(onTimeout());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
