/**
 * Runs choices `0..n-1` on `slots` workers at once, each worker taking the next choice when its
 * last one is done, so that `n` choices on fewer free sequences run partly one after another.
 * The first failure aborts `stop` (so the choices still running end at their next token) and
 * is what the promise rejects with. Results come back in the order of their index.
 */
export async function runChoices<T>(
  n: number,
  slots: number,
  stop: AbortController,
  run: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(n);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < n && !failure) {
      const index = next++;
      try {
        results[index] = await run(index);
      } catch (error) {
        failure ??= { error };
        stop.abort(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(slots, n)) }, worker));
  if (failure) throw failure.error;
  return results;
}
