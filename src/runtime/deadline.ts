/** How much of the invocation's remaining time is kept back, so the caller gets an answer before Lambda's timeout. */
export const DEFAULT_DEADLINE_MARGIN_MS = 500;

/** The time a call may take: the component's own bound, never past the invocation's end minus the margin. */
export function callTimeoutMs(componentTimeoutMs: number, remainingMs: number | undefined, marginMs: number): number {
  if (remainingMs === undefined) return componentTimeoutMs;
  return Math.max(0, Math.min(componentTimeoutMs, remainingMs - marginMs));
}

/**
 * Runs `work` with a signal that aborts after `timeoutMs`, rejecting with `onTimeout()` then. One
 * clearable timer per call: `AbortSignal.timeout` would leave a timer pending after every call.
 */
export async function withDeadline<T>(
  timeoutMs: number,
  onTimeout: () => Error,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(onTimeout());
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
