export * from './word-vectors';
export {
  ensureWordVectors,
  WORD_VECTORS_FILE,
  type EnsureWordVectorsOptions,
} from './cache/ensure-word-vectors';
export { installedWinkSource, type WinkSource } from './cache/wink-source';
export {
  EnglishTokenizer,
  splitWords,
  type Lookup,
  type Token,
} from './tokenizer/english-tokenizer';
export {
  SentenceEncoder,
  type CommonComponents,
  type EncoderSettings,
} from './sif/sentence-encoder';
export { createSifEncoder, type SifEncoderOptions } from './sif/sif-encoder';
export type { Weighting } from './sif/sif-weights';
