export {
  GGUF_ALIGNMENT,
  GgufType,
  writeGguf,
  type GgufTensor,
  type GgufValue,
} from './gguf-writer';
export { SeededRandom } from './seeded-random';
export { buildTinyLlama, writeTinyLlama, type TinyLlamaOptions } from './tiny-llama';
export { buildTinyVocab, DEFAULT_TINY_WORDS, TokenType, type TinyVocab } from './tiny-llama-vocab';
