import { APIError } from 'openai';

/** What an `openai` SDK call throws, for the assertions on its error class and fields. */
export async function failureOf(call: () => Promise<unknown>): Promise<APIError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof APIError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
