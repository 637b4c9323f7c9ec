import { PlatformError } from '@aip/contracts';

/** The PlatformError a call throws; fails the test when it throws none or something else. */
export function refusalOf(call: () => unknown): PlatformError {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  if (!(thrown instanceof PlatformError))
    throw new Error(`expected a PlatformError, got ${String(thrown)}`);
  return thrown;
}

/** The PlatformError a promise rejects with; fails the test when it resolves or rejects otherwise. */
export async function rejectionOf(promise: Promise<unknown>): Promise<PlatformError> {
  const outcome = await promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  if (!(outcome instanceof PlatformError))
    throw new Error(`expected a PlatformError, got ${String(outcome)}`);
  return outcome;
}
