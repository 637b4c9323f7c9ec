/**
 * Regroups a byte stream into pieces of exactly `size` bytes (the last may be shorter), so
 * each message of a streamed download stays under the bus's message limit whatever sizes the
 * source reads in. An empty source gives one empty piece: a reply always has a message.
 */
export async function* byteChunks(
  source: AsyncIterable<Uint8Array>,
  size: number,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let emitted = false;
  for await (const piece of source) {
    pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
    pendingBytes += piece.byteLength;
    while (pendingBytes >= size) {
      const joined = Buffer.concat(pending, pendingBytes);
      yield joined.subarray(0, size);
      emitted = true;
      pending = [joined.subarray(size)];
      pendingBytes -= size;
    }
  }
  if (pendingBytes > 0 || !emitted) yield Buffer.concat(pending, pendingBytes);
}
