import type {
  FinishReason,
  GenerationChunk,
  GenerationDoneChunk,
  TokenLogprob,
  ToolCall,
} from '@aip/contracts';

/** One choice of a finished generation, whether its pieces were streamed or not. */
export interface GeneratedChoice {
  index: number;
  text: string;
  finish_reason: FinishReason;
  tool_calls: ToolCall[];
  /** With `logprobs`: every generated token of the choice, in order. */
  logprobs?: TokenLogprob[];
}

/** A whole generation: its text and the final message (finish reason, usage). */
export interface Generation {
  /** The first choice's text. */
  text: string;
  done: GenerationDoneChunk;
  /** Every choice, in order of its index. */
  choices: GeneratedChoice[];
  /** With `prompt_logprobs`: the prompt's tokens. */
  promptLogprobs?: TokenLogprob[];
}

interface Gathered {
  text: string;
  calls: ToolCall[];
  logprobs?: TokenLogprob[];
}

/**
 * A generation put together from its reply messages: text, tool call pieces and log
 * probabilities as the inference service streamed them, each to its choice, completed by what
 * the final message carries (the text and calls of a reply that was not streamed).
 */
export class GenerationAssembly {
  private readonly gathered = new Map<number, Gathered>();
  private promptLogprobs?: TokenLogprob[];
  private done?: GenerationDoneChunk;

  add(chunk: GenerationChunk): this {
    switch (chunk.type) {
      case 'text': {
        const choice = this.choice(chunk.choice);
        choice.text += chunk.text;
        if (chunk.logprobs) (choice.logprobs ??= []).push(...chunk.logprobs);
        break;
      }
      case 'tool_call': {
        const { calls } = this.choice(chunk.choice);
        const call = (calls[chunk.index] ??= {
          id: chunk.id ?? '',
          type: 'function',
          function: { name: chunk.name ?? '', arguments: '' },
        });
        call.function.arguments += chunk.arguments;
        break;
      }
      case 'prompt_logprobs':
        (this.promptLogprobs ??= []).push(...chunk.logprobs);
        break;
      case 'done':
        this.done = chunk;
        break;
    }
    return this;
  }

  /** The generation, once its final message came. */
  result(): Generation {
    const done = this.done;
    if (!done) throw new Error('The generation ended without its final message');
    const ends = done.choices ?? [
      { index: 0, finish_reason: done.finish_reason, text: done.text, tool_calls: done.tool_calls },
    ];
    const choices = ends.map((end): GeneratedChoice => {
      const gathered = this.choice(end.index);
      return {
        index: end.index,
        text: gathered.text + (end.text ?? ''),
        finish_reason: end.finish_reason,
        tool_calls: end.tool_calls ?? gathered.calls,
        ...(gathered.logprobs ? { logprobs: gathered.logprobs } : {}),
      };
    });
    return {
      text: choices[0]?.text ?? '',
      done,
      choices,
      ...(this.promptLogprobs ? { promptLogprobs: this.promptLogprobs } : {}),
    };
  }

  private choice(index = 0): Gathered {
    let choice = this.gathered.get(index);
    if (!choice) {
      choice = { text: '', calls: [] };
      this.gathered.set(index, choice);
    }
    return choice;
  }
}
