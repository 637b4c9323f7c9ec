/**
 * A uniform random sample of at most `capacity` items from a stream of unknown length
 * (Algorithm R), holding only the sample in memory.
 */
export class ReservoirSample<T> {
  readonly items: T[] = [];
  private seen = 0;

  constructor(
    private readonly capacity: number,
    private readonly random: () => number,
  ) {}

  add(item: T): void {
    this.seen += 1;
    if (this.items.length < this.capacity) {
      this.items.push(item);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.capacity) this.items[slot] = item;
  }

  /** Items offered so far. */
  get total(): number {
    return this.seen;
  }

  /** Whether some items were left out. */
  get sampled(): boolean {
    return this.seen > this.capacity;
  }
}
