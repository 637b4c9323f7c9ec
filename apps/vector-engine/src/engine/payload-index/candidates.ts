/**
 * A planned set of labels, not yet built. Planning combines these and builds only the result:
 * an intersection builds its smallest member and tests the rest label by label, so a selective
 * condition next to a broad one costs what the selective one costs.
 */
export interface Candidates {
  /** An upper bound on the number of labels. */
  readonly size: number;
  has(label: number): boolean;
  /** The labels, in a new set the caller owns. */
  build(): Set<number>;
  /** The labels, to read once without keeping (an index posting is not copied). */
  read(): Iterable<number>;
}

export const NONE: Candidates = {
  size: 0,
  has: () => false,
  build: () => new Set(),
  read: () => [],
};

/** An existing set, such as an index posting (copied when built, never handed out). */
export function fromSet(labels: ReadonlySet<number> | undefined): Candidates {
  if (!labels) return NONE;
  return {
    size: labels.size,
    has: (label) => labels.has(label),
    build: () => new Set(labels),
    read: () => labels,
  };
}

/** Candidates that are only ever built, so reading them builds them too. */
export function built(plan: Omit<Candidates, 'read'>): Candidates {
  return { ...plan, read: () => plan.build() };
}

export function allOf(members: readonly Candidates[]): Candidates {
  if (members.length === 1) return members[0];
  const [smallest, ...others] = [...members].sort((a, b) => a.size - b.size);
  const inOthers = (label: number) => others.every((member) => member.has(label));
  return built({
    size: smallest.size,
    has: (label) => smallest.has(label) && inOthers(label),
    build: () => {
      const labels = smallest.build();
      for (const label of labels) if (!inOthers(label)) labels.delete(label);
      return labels;
    },
  });
}

export function anyOf(members: readonly Candidates[]): Candidates {
  if (members.length === 1) return members[0];
  return built({
    size: members.reduce((sum, member) => sum + member.size, 0),
    has: (label) => members.some((member) => member.has(label)),
    build: () => {
      const labels = new Set<number>();
      for (const member of members) for (const label of member.read()) labels.add(label);
      return labels;
    },
  });
}

/** Labels in at least `count` of the members. */
export function atLeast(members: readonly Candidates[], count: number): Candidates {
  if (count <= 1) return anyOf(members);
  const enough = (label: number) => {
    let hits = 0;
    for (const member of members) if (member.has(label) && ++hits >= count) return true;
    return false;
  };
  const any = anyOf(members);
  return built({
    size: any.size,
    has: enough,
    build: () => {
      const labels = any.build();
      for (const label of labels) if (!enough(label)) labels.delete(label);
      return labels;
    },
  });
}
