/** GGUF metadata value types (gguf.h), the subset a model file needs. */
export enum GgufType {
  Uint32 = 4,
  Int32 = 5,
  Float32 = 6,
  Bool = 7,
  String = 8,
  Array = 9,
}

/** A metadata value: a scalar of the given type, or an array of scalars of one type. */
export type GgufValue =
  | { type: GgufType.Uint32 | GgufType.Int32 | GgufType.Float32; value: number }
  | { type: GgufType.Bool; value: boolean }
  | { type: GgufType.String; value: string }
  | { type: GgufType.Array; itemType: GgufType.Float32 | GgufType.Int32; value: number[] }
  | { type: GgufType.Array; itemType: GgufType.String; value: string[] };

export interface GgufTensor {
  name: string;
  /** ggml order: the innermost (contiguous) dimension first, e.g. [n_in, n_out]. */
  dims: number[];
  /** F32 data, dims' product long. */
  data: Float32Array;
}

const GGUF_MAGIC = 'GGUF';
const GGUF_VERSION = 3;
/** ggml's F32 tensor type. */
const GGML_TYPE_F32 = 0;
/** Alignment of the data section and of each tensor in it (`general.alignment`). */
export const GGUF_ALIGNMENT = 32;

/**
 * Serialises a GGUF v3 file: header, metadata, tensor infos, then the tensor data, each tensor
 * padded to GGUF_ALIGNMENT. Little-endian throughout, as llama.cpp reads it.
 */
export function writeGguf(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Buffer {
  const parts: Buffer[] = [];
  const u32 = (n: number) => int(4, (b) => b.writeUInt32LE(n));
  const u64 = (n: number) => int(8, (b) => b.writeBigUInt64LE(BigInt(n)));
  const int = (size: number, write: (b: Buffer) => void) => {
    const b = Buffer.alloc(size);
    write(b);
    parts.push(b);
  };
  const str = (s: string) => {
    const bytes = Buffer.from(s, 'utf8');
    u64(bytes.length);
    parts.push(bytes);
  };
  const scalar = (type: GgufType, value: number | boolean | string) => {
    if (type === GgufType.String) str(value as string);
    else if (type === GgufType.Uint32) u32(value as number);
    else if (type === GgufType.Int32) int(4, (b) => b.writeInt32LE(value as number));
    else if (type === GgufType.Float32) int(4, (b) => b.writeFloatLE(value as number));
    else int(1, (b) => b.writeUInt8(value ? 1 : 0));
  };

  parts.push(Buffer.from(GGUF_MAGIC, 'ascii'));
  u32(GGUF_VERSION);
  u64(tensors.length);
  u64(Object.keys(metadata).length);
  for (const [key, entry] of Object.entries(metadata)) {
    str(key);
    u32(entry.type);
    if (entry.type === GgufType.Array) {
      u32(entry.itemType);
      u64(entry.value.length);
      for (const item of entry.value) scalar(entry.itemType, item);
    } else {
      scalar(entry.type, entry.value);
    }
  }
  let offset = 0;
  for (const tensor of tensors) {
    const count = tensor.dims.reduce((a, b) => a * b, 1);
    if (count !== tensor.data.length) {
      throw new Error(`tensor ${tensor.name}: dims ${tensor.dims} need ${count} values`);
    }
    str(tensor.name);
    u32(tensor.dims.length);
    for (const dim of tensor.dims) u64(dim);
    u32(GGML_TYPE_F32);
    u64(offset);
    offset += align(tensor.data.byteLength);
  }
  const header = Buffer.concat(parts);
  const file = Buffer.alloc(align(header.length) + offset);
  header.copy(file);
  let at = align(header.length);
  for (const { data } of tensors) {
    Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(file, at);
    at += align(data.byteLength);
  }
  return file;
}

const align = (n: number): number => Math.ceil(n / GGUF_ALIGNMENT) * GGUF_ALIGNMENT;
