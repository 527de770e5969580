/**
 * An open-loop (fixed-rate) HTTP load generator: request i is due at start + i / rate whatever the
 * server is doing, and its latency is counted from when it was due, not from when a connection was
 * free to send it — so a server that falls behind shows its queueing delay (no coordinated omission,
 * unlike a closed-loop tool such as autocannon with `overallRate`). Requests share a keep-alive pool
 * of `connections` sockets (or the caller's `agent`, e.g. one a warm-up run has already connected, as
 * a proxy's pool would be); a request still unanswered `graceMs` after the last one was due counts as
 * a timeout, with its waiting time so far in the latency figures.
 */
import http from 'node:http';

export interface OpenLoopOptions {
  /** The full URL (http only: the benchmark targets this machine). */
  url: string;
  /** GET when no bodies are given, POST otherwise. */
  bodies?: readonly string[];
  headers?: Readonly<Record<string, string>>;
  /** Per request i: the path to use (default: the URL's), e.g. to spread patients. */
  pathFor?: (i: number) => string;
  rate: number;
  seconds: number;
  connections: number;
  /** A keep-alive pool to send through and leave open (default: a new one, closed at the end). */
  agent?: http.Agent;
  graceMs?: number;
}

export interface OpenLoopResult {
  offered: number;
  /** Answered requests (any status) per second over the run, until the last answer. */
  rps: number;
  answered: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  status5xx: number;
  /** Connection errors. */
  errors: number;
  /** Unanswered when the run ended. */
  timeouts: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

export function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { rate, seconds, connections, bodies, graceMs = 10_000 } = options;
  const target = new URL(options.url);
  const agent = options.agent ?? new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const interval = 1_000 / rate;
  const latencies = new Float64Array(total);
  const done = new Uint8Array(total);
  let answered = 0;
  let non2xx = 0;
  let status5xx = 0;
  let errors = 0;
  let sent = 0;
  let lastAnswer = 0;
  const start = performance.now();

  return new Promise((resolve) => {
    let finished = false;
    const finish = (): void => {
      if (finished) {
        return;
      }
      finished = true;
      clearInterval(ticker);
      clearTimeout(deadline);
      const now = performance.now();
      let timeouts = 0;
      for (let i = 0; i < total; i++) {
        if (done[i] === 0) {
          timeouts++;
          latencies[i] = Math.max(0, now - (start + i * interval));
        }
      }
      if (!options.agent) {
        agent.destroy();
      }
      const sorted = latencies.slice().sort();
      const elapsed = Math.max(lastAnswer - start, seconds * 1_000);
      resolve({
        offered: total,
        rps: Math.round((answered / elapsed) * 1_000),
        answered,
        p50Ms: round(quantile(sorted, 0.5)),
        p90Ms: round(quantile(sorted, 0.9)),
        p99Ms: round(quantile(sorted, 0.99)),
        maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
        non2xx,
        status5xx,
        errors,
        timeouts,
      });
    };
    const complete = (i: number, due: number): void => {
      if (done[i] === 1 || finished) {
        return;
      }
      done[i] = 1;
      lastAnswer = performance.now();
      latencies[i] = lastAnswer - due;
      if (sent === total && answered + errors === total) {
        finish();
      }
    };
    const send = (i: number, due: number): void => {
      const body = bodies ? (bodies[i % bodies.length] ?? '') : undefined;
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: body === undefined ? 'GET' : 'POST',
          path: options.pathFor ? options.pathFor(i) : target.pathname,
          headers: {
            ...options.headers,
            ...(body === undefined ? {} : { 'content-length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          response.resume();
          response.on('end', () => {
            answered++;
            if (status < 200 || status > 299) {
              non2xx++;
            }
            if (status >= 500) {
              status5xx++;
            }
            complete(i, due);
          });
        },
      );
      request.on('error', () => {
        if (done[i] === 0 && !finished) {
          errors++;
          complete(i, due);
        }
      });
      request.end(body);
    };
    // Every millisecond, send whatever has fallen due (the timer itself may run late; each
    // request still counts from its own due time).
    const ticker = setInterval(() => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        send(sent, start + sent * interval);
        sent++;
      }
      if (sent === total) {
        clearInterval(ticker);
      }
    }, 1);
    const deadline = setTimeout(finish, seconds * 1_000 + graceMs);
  });
}
