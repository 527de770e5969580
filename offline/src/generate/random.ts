/**
 * Seeded pseudo-random numbers for the generator: sfc32 (Chris Doty-Humphrey's Small Fast Counter,
 * public domain, passes PractRand) seeded through cyrb128. Hand-written because the generator draws
 * tens of millions of numbers and needs one independent, reproducible stream per patient from
 * `(seed, patient index)`; npm PRNG packages are either slower or cannot be cheaply re-seeded.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  /** Standard normal. */
  normal(): number;
  /** Poisson-distributed count with the given mean. */
  poisson(mean: number): number;
  pick<T>(items: readonly T[]): T;
  /** A random UUID (version 4 layout) from this stream. */
  uuid(): string;
}

/** cyrb128: a 128-bit string hash, used only to spread seeds over the generator's state. */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

function hex32(x: number): string {
  return (
    (HEX[(x >>> 24) & 255] ?? '') +
    (HEX[(x >>> 16) & 255] ?? '') +
    (HEX[(x >>> 8) & 255] ?? '') +
    (HEX[x & 255] ?? '')
  );
}

/** A stream seeded from any number of parts, e.g. `createRandom('patient', seed, index)`. */
export function createRandom(...parts: readonly (string | number)[]): Random {
  let [a, b, c, d] = hashSeed(parts.join('\u0001'));
  let spare: number | undefined;
  const u32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) {
    u32();
  }
  const next = (): number => u32() / 4294967296;
  const random: Random = {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) {
        u = next();
      }
      const r = Math.sqrt(-2 * Math.log(u));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    poisson(mean) {
      if (mean <= 0) {
        return 0;
      }
      if (mean > 40) {
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.normal()));
      }
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) {
        throw new RangeError('pick from an empty list');
      }
      return item;
    },
    uuid() {
      const w1 = u32();
      const w2 = (u32() & 0xffff0fff) | 0x00004000;
      const w3 = ((u32() & 0x3fffffff) | 0x80000000) >>> 0;
      const w4 = u32();
      const s2 = hex32(w2 >>> 0);
      const s3 = hex32(w3);
      return `${hex32(w1)}-${s2.slice(0, 4)}-${s2.slice(4)}-${s3.slice(0, 4)}-${s3.slice(4)}${hex32(w4)}`;
    },
  };
  return random;
}

export const logit = (p: number): number => Math.log(p / (1 - p));
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
