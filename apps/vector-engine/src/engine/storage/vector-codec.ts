/**
 * Binary encoding of a point's dense vectors for storage: self-describing (names and sizes
 * travel with the data), so rows stay readable when a collection gains or loses a vector.
 * Layout: u16 count, then per vector: u16 name byte length, name (utf8), u32 size, f32 data.
 */
export function encodeVectors(vectors: Map<string, Float32Array>): Buffer {
  let length = 2;
  const names: Buffer[] = [];
  for (const [name, vector] of vectors) {
    const encoded = Buffer.from(name, 'utf8');
    names.push(encoded);
    length += 2 + encoded.length + 4 + vector.length * 4;
  }
  const buffer = Buffer.allocUnsafe(length);
  let offset = buffer.writeUInt16LE(vectors.size, 0);
  let i = 0;
  for (const vector of vectors.values()) {
    const name = names[i++];
    offset = buffer.writeUInt16LE(name.length, offset);
    offset += name.copy(buffer, offset);
    offset = buffer.writeUInt32LE(vector.length, offset);
    Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(buffer, offset);
    offset += vector.byteLength;
  }
  return buffer;
}

/**
 * Decodes each vector into a reused scratch array and lets `keep` decide what to hold: a copy,
 * or (for int8-quantized vectors already in their graph) a placeholder, so loading a large
 * quantized collection never materialises its float32 copies.
 */
export function decodeVectorsWith(
  buffer: Buffer,
  keep: (name: string, scratch: Float32Array) => Float32Array,
): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  const count = buffer.readUInt16LE(0);
  let offset = 2;
  for (let i = 0; i < count; i++) {
    const nameLength = buffer.readUInt16LE(offset);
    offset += 2;
    const name = buffer.toString('utf8', offset, offset + nameLength);
    offset += nameLength;
    const size = buffer.readUInt32LE(offset);
    offset += 4;
    const scratch = scratchOf(size);
    Buffer.from(scratch.buffer).set(buffer.subarray(offset, offset + size * 4));
    offset += size * 4;
    vectors.set(name, keep(name, scratch));
  }
  return vectors;
}

const scratches = new Map<number, Float32Array>();

function scratchOf(size: number): Float32Array {
  let scratch = scratches.get(size);
  if (!scratch) scratches.set(size, (scratch = new Float32Array(size)));
  return scratch;
}
