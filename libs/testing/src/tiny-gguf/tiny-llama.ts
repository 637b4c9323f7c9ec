import { writeFileSync } from 'node:fs';
import { GgufType, writeGguf, type GgufTensor, type GgufValue } from './gguf-writer';
import { SeededRandom } from './seeded-random';
import { buildTinyVocab, DEFAULT_TINY_WORDS, TokenType } from './tiny-llama-vocab';

export interface TinyLlamaOptions {
  /** Words spelled as single pieces (others fall back to characters and bytes). */
  words?: readonly string[];
  /** `tokenizer.chat_template` (Jinja); without one node-llama-cpp uses a Llama-2 wrapper. */
  chatTemplate?: string;
  /** `llama.context_length`. Default 512. */
  contextLength?: number;
  /** `llama.embedding_length`, a multiple of `headCount`. Default 64. */
  embeddingLength?: number;
  /** Default 2. */
  blockCount?: number;
  /** Default 4. */
  headCount?: number;
  /** Seed of the random weights; the same options give the same file. Default 1. */
  seed?: number;
  /** `general.name`. Default `aip-tiny-llama`. */
  name?: string;
}

/** The output weight on the constant dimension that keeps a token from ever being sampled. */
const NEVER_SAMPLED = -100;

/**
 * A tiny llama model with random weights (~0.8 MB with the defaults), for tests: it loads in
 * node-llama-cpp's prebuilt CPU binary and tokenizes, generates and embeds. Dimension 0 of the
 * residual stream is a constant no layer writes, and the special and byte tokens have a large
 * negative output weight on it: generation never ends early nor emits invalid UTF-8, so a run
 * always reaches its token limit. Deterministic: the same options give the same bytes.
 */
export function buildTinyLlama(options: TinyLlamaOptions = {}): Buffer {
  const nCtx = options.contextLength ?? 512;
  const nEmbd = options.embeddingLength ?? 64;
  const nBlocks = options.blockCount ?? 2;
  const nHeads = options.headCount ?? 4;
  const nFf = nEmbd * 4;
  if (nEmbd % nHeads !== 0) {
    throw new Error(`embeddingLength ${nEmbd} must be a multiple of headCount ${nHeads}`);
  }
  const vocab = buildTinyVocab(options.words ?? DEFAULT_TINY_WORDS);
  const nVocab = vocab.tokens.length;
  const random = new SeededRandom(options.seed ?? 1);

  // ggml order: [n_in, n_out], so each output is one contiguous row of n_in weights.
  const matrix = (name: string, nIn: number, nOut: number): GgufTensor => {
    const data = new Float32Array(nIn * nOut);
    const std = 1 / Math.sqrt(nIn);
    for (let i = 0; i < data.length; i++) data[i] = random.normal() * std;
    return { name, dims: [nIn, nOut], data };
  };
  const ones = (name: string): GgufTensor => ({
    name,
    dims: [nEmbd],
    data: new Float32Array(nEmbd).fill(1),
  });
  /** Zeroes the row that writes residual dimension 0, keeping it constant. */
  const sparing = (tensor: GgufTensor): GgufTensor => {
    tensor.data.fill(0, 0, tensor.dims[0]);
    return tensor;
  };

  const embeddings = matrix('token_embd.weight', nEmbd, nVocab);
  for (let token = 0; token < nVocab; token++)
    embeddings.data[token * nEmbd] = 1 / Math.sqrt(nEmbd);
  const output = matrix('output.weight', nEmbd, nVocab);
  vocab.types.forEach((type, token) => {
    if (type !== TokenType.Normal) output.data[token * nEmbd] = NEVER_SAMPLED;
  });
  const tensors: GgufTensor[] = [embeddings];
  for (let block = 0; block < nBlocks; block++) {
    const at = (name: string) => `blk.${block}.${name}.weight`;
    tensors.push(
      ones(at('attn_norm')),
      matrix(at('attn_q'), nEmbd, nEmbd),
      matrix(at('attn_k'), nEmbd, nEmbd),
      matrix(at('attn_v'), nEmbd, nEmbd),
      sparing(matrix(at('attn_output'), nEmbd, nEmbd)),
      ones(at('ffn_norm')),
      matrix(at('ffn_gate'), nEmbd, nFf),
      matrix(at('ffn_up'), nEmbd, nFf),
      sparing(matrix(at('ffn_down'), nFf, nEmbd)),
    );
  }
  tensors.push(ones('output_norm.weight'), output);

  const u32 = (value: number): GgufValue => ({ type: GgufType.Uint32, value });
  const f32 = (value: number): GgufValue => ({ type: GgufType.Float32, value });
  const metadata: Record<string, GgufValue> = {
    'general.architecture': { type: GgufType.String, value: 'llama' },
    'general.name': { type: GgufType.String, value: options.name ?? 'aip-tiny-llama' },
    'general.alignment': u32(32),
    'general.file_type': u32(0),
    'llama.context_length': u32(nCtx),
    'llama.embedding_length': u32(nEmbd),
    'llama.block_count': u32(nBlocks),
    'llama.feed_forward_length': u32(nFf),
    'llama.attention.head_count': u32(nHeads),
    'llama.attention.head_count_kv': u32(nHeads),
    'llama.rope.dimension_count': u32(nEmbd / nHeads),
    'llama.rope.freq_base': f32(10000),
    'llama.attention.layer_norm_rms_epsilon': f32(1e-5),
    'tokenizer.ggml.model': { type: GgufType.String, value: 'llama' },
    'tokenizer.ggml.tokens': {
      type: GgufType.Array,
      itemType: GgufType.String,
      value: vocab.tokens,
    },
    'tokenizer.ggml.scores': {
      type: GgufType.Array,
      itemType: GgufType.Float32,
      value: vocab.scores,
    },
    'tokenizer.ggml.token_type': {
      type: GgufType.Array,
      itemType: GgufType.Int32,
      value: vocab.types,
    },
    'tokenizer.ggml.unknown_token_id': u32(0),
    'tokenizer.ggml.bos_token_id': u32(1),
    'tokenizer.ggml.eos_token_id': u32(2),
    'tokenizer.ggml.padding_token_id': u32(0),
  };
  if (options.chatTemplate !== undefined) {
    metadata['tokenizer.chat_template'] = { type: GgufType.String, value: options.chatTemplate };
  }
  return writeGguf(metadata, tensors);
}

/** Writes buildTinyLlama's model to `file`; returns its size in bytes. */
export function writeTinyLlama(file: string, options: TinyLlamaOptions = {}): number {
  const bytes = buildTinyLlama(options);
  writeFileSync(file, bytes);
  return bytes.length;
}
