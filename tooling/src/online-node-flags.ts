/**
 * The V8 flags every launcher runs the online service with (`npm start`, the benchmarks, the e2e
 * stack; deploy/ spells them out and its test checks they match).
 *
 * A young generation fixed at 16 MB, V8's default maximum on 64-bit: after an idle spell V8 shrinks
 * the new space to 1 MB, and when load returns it scavenges every few milliseconds and promotes the
 * objects of requests still in flight until the space has grown back. Measured with
 * `BENCH_PHASES=floor,stopped npm run bench:online` (the service idle ~45 s, then 1,000 req/s):
 * p99 32.8 and 16.1 ms without the flag (p50 31 ms in the first second), 6.9 and 5.7 ms with it.
 * The cost is 32 MB of heap kept committed while idle.
 */
export const ONLINE_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16'];
