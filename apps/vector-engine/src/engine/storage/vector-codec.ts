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

export function decodeVectors(buffer: Buffer): Map<string, Float32Array> {
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
    // Copy into an aligned array of its own: the row buffer may be reused or misaligned.
    const vector = new Float32Array(size);
    Buffer.from(vector.buffer).set(buffer.subarray(offset, offset + size * 4));
    offset += size * 4;
    vectors.set(name, vector);
  }
  return vectors;
}
