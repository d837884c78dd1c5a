/**
 * A stopped service worker is started again by the next message, but the
 * message that met it stopped gets "Receiving end does not exist" (or a closed
 * port). Those failures mean "try again"; any other failure is real.
 */
export function isTransientMessagingError(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /Receiving end does not exist|Could not establish connection|message port closed|context invalidated/i.test(msg);
}

export async function retryTransient<T>(send: () => Promise<T>, tries = 3, delayMs = 150, wait: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= tries || !isTransientMessagingError(err)) throw err;
      await wait(delayMs * attempt);
    }
  }
}
