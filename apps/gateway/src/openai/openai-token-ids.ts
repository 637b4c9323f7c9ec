import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { ErrorCode, MAX_TEXT_CHARS, PlatformError } from '@aip/contracts';

/**
 * Ids of cl100k_base's ordinary tokens run from 0 to this; its special tokens (`<|endoftext|>`
 * and the fill-in-the-middle ones) come after and mark no text.
 */
const LAST_TEXT_TOKEN_ID = 100_255;

let encoder: Tiktoken | undefined;

/**
 * The texts behind lists of token ids. Clients that send ids to `/v1/embeddings` (LangChain's
 * Python `OpenAIEmbeddings` does so by default, to split long texts) have tokenized with
 * OpenAI's cl100k_base, the encoding of its embedding models; none of the platform's embedding
 * models shares it, so the ids are read back into the text they came from, which the model then
 * embeds with its own tokenizer. An id cl100k_base has no text for is refused, naming it.
 */
export function textsOfTokenIds(lists: readonly (readonly number[])[], single: boolean): string[] {
  encoder ??= new Tiktoken(cl100kBase);
  return lists.map((ids, index) => {
    const field = single ? 'input' : `input[${index}]`;
    const unknown = ids.findIndex((id) => id > LAST_TEXT_TOKEN_ID);
    if (unknown >= 0) {
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `${field}[${unknown}] is ${ids[unknown]}, not a token id of cl100k_base (ids 0 to ${LAST_TEXT_TOKEN_ID} are text)`,
        { field: `${field}[${unknown}]` },
      );
    }
    const text = encoder!.decode([...ids]);
    if (text.length > MAX_TEXT_CHARS) {
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `${field} decodes to ${text.length} characters; at most ${MAX_TEXT_CHARS} are embedded at once`,
        { field, limit: MAX_TEXT_CHARS },
      );
    }
    return text;
  });
}
