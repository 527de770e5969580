/** Reads counters and histogram buckets out of Prometheus text, and estimates quantiles as Prometheus does. */

export interface Bucket {
  readonly le: number;
  readonly count: number;
}

function samples(text: string, name: string): { labels: string; value: number }[] {
  const out: { labels: string; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) {
      continue;
    }
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match?.[1] === name) {
      out.push({ labels: match[2] ?? '', value: Number(match[3]) });
    }
  }
  return out;
}

/** The sum of a counter over all its label sets. */
export function counterTotal(text: string, name: string): number {
  return samples(text, name).reduce((sum, s) => sum + s.value, 0);
}

/** Cumulative buckets of a histogram (summed over label sets), sorted by `le`. */
export function histogramBuckets(text: string, name: string): Bucket[] {
  const byLe = new Map<number, number>();
  for (const { labels, value } of samples(text, `${name}_bucket`)) {
    const le = /le="([^"]+)"/.exec(labels)?.[1];
    if (le !== undefined) {
      const bound = le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le);
      byLe.set(bound, (byLe.get(bound) ?? 0) + value);
    }
  }
  return [...byLe.entries()].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le);
}

/** `after − before`, bucket by bucket (two scrapes of the same histogram). */
export function bucketDelta(after: readonly Bucket[], before: readonly Bucket[]): Bucket[] {
  return after.map((b) => ({
    le: b.le,
    count: b.count - (before.find((x) => x.le === b.le)?.count ?? 0),
  }));
}

/** Like PromQL's histogram_quantile: linear interpolation inside the bucket holding the rank. */
export function histogramQuantile(q: number, buckets: readonly Bucket[]): number {
  const total = buckets.at(-1)?.count ?? 0;
  if (total === 0) {
    return Number.NaN;
  }
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const { le, count } of buckets) {
    if (count >= rank) {
      if (!Number.isFinite(le)) {
        return lowerBound;
      }
      return (
        lowerBound + ((le - lowerBound) * (rank - lowerCount)) / Math.max(1, count - lowerCount)
      );
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound;
}
