import { compileFilter } from '../filter/compile-filter';
import { PayloadIndexSet } from './payload-index-set';

// Property: for random payloads and random filters, candidates() holds every label the
// predicate accepts (compiled with the set's options), across inserts, updates and deletes.

/** mulberry32: a small seeded generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  constructor(readonly next: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  list<T>(make: () => T, max = 3): T[] {
    return Array.from({ length: this.int(0, max) }, make);
  }
}

const WORDS = ['red', 'green', 'blue', 'redder', 're', 'Blue', 'ab', 'abc', 'x'];
const UUIDS = ['550e8400-e29b-41d4-a716-446655440000', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'];
const DATES = [
  '2024-01-01',
  '2024-01-01T12:00:00Z',
  '2024-01-02 08:00',
  '2023-12-31T23:00:00-02:00',
  '2024-02-30',
  'soon',
];

function uuidForm(g: Gen, uuid: string): string {
  return g.pick([uuid, uuid.toUpperCase(), uuid.replaceAll('-', ''), `{${uuid}}`]);
}

function scalar(g: Gen): unknown {
  switch (g.int(0, 7)) {
    case 0:
      return g.pick(WORDS);
    case 1:
      return g.int(-3, 3);
    case 2:
      return g.int(-30, 30) / 10;
    case 3:
      return g.chance(0.5);
    case 4:
      return null;
    case 5:
      return g.pick(DATES);
    case 6:
      return uuidForm(g, g.pick(UUIDS));
    default:
      return { lon: g.int(-20, 20) / 10, lat: g.int(-20, 20) / 10 };
  }
}

function value(g: Gen, typical: () => unknown): unknown {
  const one = () => (g.chance(0.7) ? typical() : scalar(g));
  if (g.chance(0.15)) return undefined;
  return g.chance(0.3) ? g.list(one, 3) : one();
}

function payload(g: Gen): Record<string, unknown> {
  const text = () => g.list(() => g.pick(WORDS), 4).join(g.pick([' ', ', ', '-']));
  const fields: Record<string, unknown> = {
    kw: value(g, () => g.pick(WORDS)),
    int: value(g, () => g.int(-3, 3)),
    flt: value(g, () => g.int(-30, 30) / 10),
    flag: value(g, () => g.chance(0.5)),
    when: value(g, () => g.pick(DATES)),
    uid: value(g, () => uuidForm(g, g.pick(UUIDS))),
    txt: value(g, text),
    ptxt: value(g, text),
    loc: value(g, () => ({ lon: g.int(-20, 20) / 10, lat: g.int(-20, 20) / 10 })),
    free: value(g, () => g.pick(WORDS)),
    items: g.chance(0.8)
      ? g.list(() =>
          g.chance(0.9)
            ? { tag: value(g, () => g.pick(WORDS)), n: value(g, () => g.int(0, 3)) }
            : scalar(g),
        )
      : undefined,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

const KEYS = [
  'kw',
  'int',
  'flt',
  'flag',
  'when',
  'uid',
  'txt',
  'ptxt',
  'loc',
  'free',
  'items[].tag',
  'items[].n',
];

function bounds(g: Gen, make: () => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of ['lt', 'gt', 'gte', 'lte']) if (g.chance(0.4)) result[name] = make();
  if (Object.keys(result).length === 0) result.gte = make();
  return result;
}

function point(g: Gen) {
  return { lon: g.int(-20, 20) / 10, lat: g.int(-20, 20) / 10 };
}

// The kinds of fieldCondition() that suit each field's index, so that many filters narrow.
const SUITED: Record<string, number[]> = {
  kw: [0, 1, 4],
  'items[].tag': [0, 1, 4],
  tag: [0, 1, 4],
  int: [0, 1, 5],
  flt: [0, 5],
  'items[].n': [0, 1, 5],
  n: [0, 1, 5],
  flag: [0],
  when: [6],
  uid: [0, 1],
  txt: [3],
  ptxt: [3],
  loc: [7, 8, 9],
  free: [0],
};

function fieldCondition(g: Gen, key: string): Record<string, unknown> {
  const words = () => g.list(() => g.pick(WORDS), 3).join(' ');
  const kind = g.chance(0.6) ? g.pick(SUITED[key]) : g.int(0, 13);
  switch (kind) {
    case 0:
      return {
        key,
        match: {
          value: g.pick<unknown>([
            g.pick(WORDS),
            g.int(-3, 3),
            g.chance(0.5),
            uuidForm(g, g.pick(UUIDS)),
          ]),
        },
      };
    case 1:
      return {
        key,
        match: { any: g.chance(0.5) ? g.list(() => g.pick(WORDS)) : g.list(() => g.int(-3, 3)) },
      };
    case 2:
      return {
        key,
        match: { except: g.chance(0.5) ? g.list(() => g.pick(WORDS)) : g.list(() => g.int(-3, 3)) },
      };
    case 3:
      return { key, match: { [g.pick(['text', 'text_any', 'phrase'])]: words() } };
    case 4:
      return { key, match: { prefix: g.pick(WORDS).slice(0, g.int(0, 3)) } };
    case 5:
      return { key, range: bounds(g, () => g.int(-30, 30) / 10) };
    case 6:
      return { key, range: bounds(g, () => g.pick(DATES.slice(0, 4))) };
    case 7:
      return { key, geo_radius: { center: point(g), radius: g.int(0, 300_000) } };
    case 8: {
      const a = point(g);
      const b = point(g);
      return {
        key,
        geo_bounding_box: {
          top_left: { lon: a.lon, lat: Math.max(a.lat, b.lat) },
          bottom_right: { lon: b.lon, lat: Math.min(a.lat, b.lat) },
        },
      };
    }
    case 9: {
      const [x, y, s] = [g.int(-20, 10) / 10, g.int(-20, 10) / 10, g.int(1, 20) / 10];
      const ring = [
        { lon: x, lat: y },
        { lon: x + s, lat: y },
        { lon: x, lat: y + s },
        { lon: x, lat: y },
      ];
      return { key, geo_polygon: { exterior: { points: ring } } };
    }
    case 10:
      return { key, values_count: bounds(g, () => g.int(0, 3)) };
    case 11:
      return { key, [g.pick(['is_empty', 'is_null'])]: g.chance(0.5) };
    case 12:
      return { key, match: { value: g.pick(WORDS) }, range: bounds(g, () => g.int(-3, 3)) };
    default:
      return { [g.pick(['is_empty', 'is_null'])]: { key } };
  }
}

function condition(g: Gen, depth: number): Record<string, unknown> {
  const roll = g.int(0, 9);
  if (roll <= 5 || depth >= 2) return fieldCondition(g, g.pick(KEYS));
  if (roll === 6) return { has_id: g.list(() => g.int(0, 40)) };
  if (roll === 7) {
    const inner = () => fieldCondition(g, g.pick(['tag', 'n']));
    return {
      nested: {
        key: g.pick(['items', 'items[]']),
        filter: { must: g.list(inner, 2), should: g.list(inner, 2) },
      },
    };
  }
  return filter(g, depth + 1);
}

function filter(g: Gen, depth = 0): Record<string, unknown> {
  const clause = () => g.list(() => condition(g, depth), 3);
  const result: Record<string, unknown> = {};
  if (g.chance(0.7)) result.must = clause();
  if (g.chance(0.4)) result.should = clause();
  if (g.chance(0.3)) result.must_not = clause();
  if (g.chance(0.2)) {
    const conditions = clause();
    result.min_should = { conditions, min_count: g.int(1, Math.max(1, conditions.length)) };
  }
  return result;
}

function indexes(): PayloadIndexSet {
  const set = new PayloadIndexSet();
  set.create('kw', 'keyword');
  set.create('int', 'integer');
  set.create('flt', 'float');
  set.create('flag', 'bool');
  set.create('when', 'datetime');
  set.create('uid', 'uuid');
  set.create('txt', 'text', { type: 'text', tokenizer: 'word' });
  set.create('ptxt', 'text', {
    type: 'text',
    tokenizer: 'prefix',
    min_token_len: 2,
    max_token_len: 4,
    lowercase: false,
  });
  set.create('loc', 'geo');
  set.create('items[].tag', 'keyword');
  set.create('items[].n', 'integer');
  return set;
}

describe('candidates() is a superset of the predicate matches', () => {
  it.each([1, 2, 3, 4, 5])('on a random corpus (seed %i)', (seed) => {
    const g = new Gen(random(seed));
    const set = indexes();
    const points = new Map<number, Record<string, unknown>>();
    for (let label = 0; label < 150; label++) {
      points.set(label, payload(g));
      set.add(label, points.get(label)!);
    }
    // Updates and deletes, through remove + add as the engine does.
    for (let i = 0; i < 60; i++) {
      const label = g.int(0, 149);
      const old = points.get(label);
      if (old) set.remove(label, old);
      if (g.chance(0.3)) {
        points.delete(label);
      } else {
        points.set(label, payload(g));
        set.add(label, points.get(label)!);
      }
    }

    let narrowed = 0;
    for (let i = 0; i < 400; i++) {
      const query = filter(g);
      const predicate = compileFilter(query, set.compileOptions());
      const candidates = set.candidates(query);
      if (candidates === undefined) continue;
      narrowed++;
      for (const [label, payload] of points) {
        if (predicate({ id: label, payload }) && !candidates.has(label)) {
          throw new Error(
            `label ${label} ${JSON.stringify(payload)} matches ${JSON.stringify(query)} but is no candidate`,
          );
        }
      }
    }
    // The property is only worth something if many filters were narrowed.
    expect(narrowed).toBeGreaterThan(100);
  });
});
