import type { GeoCheck } from '../filter/geo';
import { built, type Candidates } from './candidates';
import type { LabelIndex } from './label-index';

/** The geo points `{ lon, lat }` of each label, scanned with a compiled geo condition. */
export class GeoIndex implements LabelIndex {
  // Flat [lat0, lon0, lat1, lon1, ...] per label.
  private readonly coordinates = new Map<number, Float64Array>();

  get points(): number {
    return this.coordinates.size;
  }

  add(label: number, values: readonly unknown[]): void {
    this.remove(label);
    const flat: number[] = [];
    for (const value of values) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const { lat, lon } = value as { lat?: unknown; lon?: unknown };
      if (typeof lat === 'number' && typeof lon === 'number') flat.push(lat, lon);
    }
    if (flat.length > 0) this.coordinates.set(label, Float64Array.from(flat));
  }

  remove(label: number): void {
    this.coordinates.delete(label);
  }

  /** Labels with a point passing `check` (found by a scan when built). */
  filter(check: GeoCheck): Candidates {
    const passes = (flat: Float64Array | undefined) => {
      if (!flat) return false;
      for (let i = 0; i < flat.length; i += 2) if (check(flat[i], flat[i + 1])) return true;
      return false;
    };
    return built({
      size: this.coordinates.size,
      has: (label) => passes(this.coordinates.get(label)),
      build: () => {
        const labels = new Set<number>();
        for (const [label, flat] of this.coordinates) if (passes(flat)) labels.add(label);
        return labels;
      },
    });
  }
}
