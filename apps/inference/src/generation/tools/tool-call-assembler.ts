import { randomBytes } from 'node:crypto';
import type { ToolCall } from '@aip/contracts';
import type { ToolCallPiece } from '../text-generator';

/** What node-llama-cpp reports while it generates a call's parameters. */
export interface ParamsChunk {
  callIndex: number;
  functionName: string;
  paramsChunk: string;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id like OpenAI's: `call_` and 24 random letters and digits. */
export function newToolCallId(): string {
  return `call_${[...randomBytes(24)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('')}`;
}

interface Call {
  id: string;
  name: string;
  arguments: string;
  /** Trailing whitespace not yet passed on: the grammar ends the JSON with newlines. */
  held: string;
}

/**
 * The tool calls of one reply, built from node-llama-cpp's function calling callbacks, and
 * passed on piece by piece the way OpenAI streams them: a call's first piece carries its id and
 * function name with empty arguments, the later ones its JSON arguments as they are written.
 * The arguments are the text the model wrote, less the newlines the grammar ends them with, so
 * the pieces of a streamed reply join to exactly the arguments of the same reply unstreamed.
 */
export class ToolCallAssembler {
  private readonly calls: Call[] = [];
  private finished = 0;

  constructor(
    private readonly onPiece?: (piece: ToolCallPiece) => void,
    private readonly newId: () => string = newToolCallId,
  ) {}

  /** node-llama-cpp's `onFunctionCallParamsChunk`. */
  paramsChunk(chunk: ParamsChunk): void {
    this.append(chunk.callIndex, chunk.functionName, chunk.paramsChunk);
  }

  /** node-llama-cpp's `onFunctionCall`: the next call is complete. */
  functionCall(call: { functionName: string }): void {
    const index = this.finished++;
    // A function without parameters gets no parameter chunks: its arguments are an empty object.
    if ((this.calls[index]?.arguments ?? '') === '') this.append(index, call.functionName, '{}');
  }

  get toolCalls(): ToolCall[] {
    return this.calls.map(({ id, name, arguments: args }) => ({
      id,
      type: 'function',
      function: { name, arguments: args },
    }));
  }

  /** Whether every call begun was also finished (max_tokens may cut the last one short). */
  get complete(): boolean {
    return this.finished === this.calls.length;
  }

  private append(index: number, name: string, text: string): void {
    let call = this.calls[index];
    if (!call) {
      call = { id: this.newId(), name, arguments: '', held: '' };
      this.calls[index] = call;
      this.onPiece?.({ index, id: call.id, name, arguments: '' });
    }
    const pending = call.held + text;
    const kept = pending.trimEnd();
    call.held = pending.slice(kept.length);
    if (kept === '') return;
    call.arguments += kept;
    this.onPiece?.({ index, arguments: kept });
  }
}
