/** Types of node-llama-cpp, an ESM package this CommonJS build may only import() at run time. */
export type LlamaCpp = typeof import('node-llama-cpp');
export type Llama = Awaited<ReturnType<LlamaCpp['getLlama']>>;
export type LlamaModel = Awaited<ReturnType<Llama['loadModel']>>;
export type LlamaContext = Awaited<ReturnType<LlamaModel['createContext']>>;
export type LlamaContextSequence = ReturnType<LlamaContext['getSequence']>;
export type LlamaGrammar = Awaited<ReturnType<Llama['getGrammarFor']>>;
export type ChatWrapper = InstanceType<LlamaCpp['ChatWrapper']>;
export type ChatWrapperState = ReturnType<ChatWrapper['generateContextState']>;
export type Token = Parameters<LlamaModel['detokenize']>[0][number];

/** node-llama-cpp is ESM with top-level await: it must be imported, not required. */
export const importLlamaCpp = (): Promise<LlamaCpp> =>
  import('node-llama-cpp') as Promise<LlamaCpp>;
