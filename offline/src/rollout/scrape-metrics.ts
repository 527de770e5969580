/**
 * Fetches `/metrics` from every online replica (the canary comparison adds them up). A replica that
 * does not answer is reported, not fatal: status still shows what the others measured.
 */
import { parsePrometheusText, type Sample } from './prometheus-text.js';

export interface ScrapeResult {
  readonly samples: Sample[];
  readonly scraped: readonly string[];
  /** Replicas that failed, each with a short reason (HTTP status or error name; no bodies). */
  readonly failed: readonly { url: string; issue: string }[];
}

export async function scrapeReplicas(options: {
  urls: readonly string[];
  /** Sent as `X-API-Key` (`/metrics` needs the data-scientist or admin role). */
  apiKey?: string | undefined;
  timeoutMs?: number;
}): Promise<ScrapeResult> {
  const results = await Promise.all(
    options.urls.map(async (url) => {
      try {
        const res = await fetch(url, {
          headers: options.apiKey ? { 'X-API-Key': options.apiKey } : {},
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
        if (!res.ok) {
          return { url, issue: `HTTP ${String(res.status)}` };
        }
        return { url, samples: parsePrometheusText(await res.text()) };
      } catch (error) {
        return { url, issue: error instanceof Error ? error.name : 'error' };
      }
    }),
  );
  const samples: Sample[] = [];
  const scraped: string[] = [];
  const failed: { url: string; issue: string }[] = [];
  for (const r of results) {
    if ('samples' in r) {
      samples.push(...r.samples);
      scraped.push(r.url);
    } else {
      failed.push(r);
    }
  }
  return { samples, scraped, failed };
}
