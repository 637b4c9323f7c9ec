import type { ChatWrapper, ChatWrapperState, LlamaCpp } from '../../llama/llama-types';

/**
 * The model's chat wrapper, but with a reply that must open with a function call: its context
 * state asks node-llama-cpp to enter function calling at once (`noPrefixTrigger`), where the
 * function-name and parameter grammars leave the model no other output. That is how a call
 * `tool_choice` demands always comes out, whatever the model would have written.
 *
 * Everything else (template, settings, call syntax) is the model's own wrapper, reached through
 * the prototype: a wrapper is a template of the model's and cannot be built again from nothing.
 */
const OPENING_CHOICES = ['functionCall', 'ignoreStartText', 'prefixTriggers', 'noPrefixTrigger'];

export function forcingFunctionCall(base: ChatWrapper, { LlamaText }: LlamaCpp): ChatWrapper {
  const forced = Object.create(base) as ChatWrapper;
  forced.generateContextState = (options) => {
    const state: Record<string, unknown> = { ...base.generateContextState(options) };
    // Triggers that would let the model choose text (or a thought) first no longer apply.
    for (const key of OPENING_CHOICES) delete state[key];
    // node-llama-cpp writes the call prefix itself on entering function calling.
    return {
      ...state,
      noPrefixTrigger: { type: 'functionCall', inject: LlamaText([]) },
      detectFunctionCalls: false,
    } as ChatWrapperState;
  };
  return forced;
}
