export interface Scored {
  label: number;
  score: number;
}

/**
 * Keeps the best `capacity` results seen, best first. Insertion into a sorted array: k is
 * small (limit + offset) and the common case rejects a candidate after one comparison.
 */
export class TopK {
  readonly items: Scored[] = [];

  constructor(
    private readonly capacity: number,
    private readonly isBetter: (a: number, b: number) => boolean,
  ) {}

  /** Whether a result with this score would be kept. */
  admits(score: number): boolean {
    return (
      this.items.length < this.capacity ||
      this.isBetter(score, this.items[this.items.length - 1].score)
    );
  }

  push(label: number, score: number): void {
    if (this.capacity === 0 || !this.admits(score)) return;
    let i = this.items.length;
    while (i > 0 && this.isBetter(score, this.items[i - 1].score)) i--;
    this.items.splice(i, 0, { label, score });
    if (this.items.length > this.capacity) this.items.pop();
  }
}
