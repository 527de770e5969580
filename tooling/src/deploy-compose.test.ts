/**
 * deploy/docker-compose.yml, deploy/Dockerfile and deploy/nginx.conf checked against the code, since
 * Docker cannot run here: every service's entry file is one the build produces, every variable is
 * one that service's config schema accepts (and the whole environment parses), ports and health
 * checks match what the services listen on, nginx points at the online replicas.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'zod';
import { NearlineEnvSchema } from '../../nearline/src/config.js';
import { OfflineEnvSchema } from '../../offline/src/config.js';
import { ScheduleEnvSchema } from '../../offline/src/schedule/scheduler-config.js';
import { ClusterEnvSchema } from '../../online/src/cluster/cluster-env.js';
import { OnlineEnvSchema } from '../../online/src/config.js';
import { ONLINE_NODE_FLAGS } from './online-node-flags.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEPLOY = path.join(ROOT, 'deploy');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  expose?: string[];
  profiles?: string[];
}

const compose = parse(readFileSync(path.join(DEPLOY, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };
const services = Object.entries(compose.services);
const ours = services.filter(([, s]) => s.build !== undefined);

/** The schemas each entry file parses its environment with. */
const SCHEMAS: Record<string, readonly z.ZodObject[]> = {
  'online/dist/main.js': [OnlineEnvSchema],
  'online/dist/serve-cluster.js': [OnlineEnvSchema, ClusterEnvSchema],
  'nearline/dist/main.js': [NearlineEnvSchema],
  'offline/dist/scheduler-main.js': [ScheduleEnvSchema],
  'offline/dist/worker-main.js': [ScheduleEnvSchema],
  'offline/dist/main.js': [OfflineEnvSchema],
};

/** The node flags before the entry file. */
function flagsOf(service: ComposeService): string[] {
  const argv = service.entrypoint ?? service.command ?? [];
  expect(argv[0]).toBe('node');
  const entry = argv.findIndex((arg, i) => i > 0 && !arg.startsWith('-'));
  return argv.slice(1, entry < 0 ? argv.length : entry);
}

function entryOf(service: ComposeService): string {
  const argv = service.entrypoint ?? service.command ?? [];
  return argv[1 + flagsOf(service).length] ?? '';
}

/** `${VAR:-default}` → default; `${VAR:?message}` → a stand-in value, as an operator's .env gives. */
function interpolate(value: string): string {
  return value
    .replace(/\$\{PSEUDONYM_KEY:\?[^}]*\}/g, 'k'.repeat(48))
    .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
}

describe('deploy/docker-compose.yml', () => {
  it('runs every MediAssist service from an entry file the build produces', () => {
    expect(ours.map(([name]) => name).sort()).toEqual(
      [
        'nearline-1',
        'nearline-2',
        'offline',
        'offline-worker',
        'online-1',
        'online-2',
        'scheduler',
      ].sort(),
    );
    for (const [name, service] of ours) {
      const entry = entryOf(service);
      expect(Object.keys(SCHEMAS), name).toContain(entry);
      // <pkg>/dist/x.js is compiled from <pkg>/src/x.ts (tsconfig.build.json: rootDir src).
      const source = entry.replace('/dist/', '/src/').replace(/\.js$/, '.ts');
      expect(existsSync(path.join(ROOT, source)), `${name}: ${source}`).toBe(true);
      expect(service.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
    }
  });

  it('gives each service only variables its schema accepts, and an environment that parses', () => {
    for (const [name, service] of ours) {
      const schemas = SCHEMAS[entryOf(service)] ?? [];
      const accepted = new Set(schemas.flatMap((s) => Object.keys(s.shape)));
      const env = Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(v)]),
      );
      for (const key of Object.keys(env)) {
        expect(accepted.has(key), `${name}: ${key} is not read by ${entryOf(service)}`).toBe(true);
      }
      for (const schema of schemas) {
        const parsed = schema.safeParse(env);
        expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });

  it('shares one state volume and one Redis; Redis keeps AOF and never evicts', () => {
    for (const [name, service] of ours) {
      expect(service.environment?.['MEDIASSIST_HOME'], name).toBe('/data');
      expect(service.environment?.['REDIS_URL'], name).toBe('redis://redis:6379');
    }
    const redis = compose.services['redis']?.command?.join(' ') ?? '';
    expect(redis).toMatch(/--appendonly yes/);
    expect(redis).toMatch(/--maxmemory-policy noeviction/);
  });

  it('checks health on /healthz at the port each service listens on', () => {
    for (const [name, service] of ours) {
      if (service.healthcheck?.disable === true) {
        expect(['scheduler', 'offline-worker', 'offline'], name).toContain(name);
        continue;
      }
      const env = service.environment ?? {};
      const port = env['PORT'] ?? env['METRICS_PORT'];
      expect(port, name).toBeDefined();
      expect(service.healthcheck?.test?.join(' '), name).toContain(
        `http://127.0.0.1:${String(port)}/healthz`,
      );
      expect(service.expose, name).toContain(String(port));
    }
  });

  it('runs the online replicas with the flags every launcher uses, the other services with none', () => {
    for (const [name, service] of ours) {
      const expected = entryOf(service).startsWith('online/') ? ONLINE_NODE_FLAGS : [];
      expect(flagsOf(service), name).toEqual(expected);
    }
  });

  it('points nginx at every online replica, and the rollout job at their summed metrics', () => {
    const nginx = readFileSync(path.join(DEPLOY, 'nginx.conf'), 'utf8');
    const upstreams = [...nginx.matchAll(/^\s*server\s+([a-z0-9-]+):(\d+)\b/gm)].map(
      ([, host, port]) => `${String(host)}:${String(port)}`,
    );
    const online = ours.filter(([, s]) => entryOf(s).startsWith('online/'));
    expect(upstreams.sort()).toEqual(
      online.map(([name, s]) => `${name}:${String(s.environment?.['PORT'])}`).sort(),
    );
    expect(nginx).toMatch(/proxy_set_header X-Request-Id \$req_id;/);
    expect(nginx).toMatch(/^\s*gzip on;/m);
    expect(nginx).toMatch(/^\s*keepalive \d+;/m);
    const urls = compose.services['offline']?.environment?.['ONLINE_METRICS_URLS'] ?? '';
    expect(urls.split(',').sort()).toEqual(
      online
        .map(
          ([name, s]) =>
            `http://${name}:${String(s.environment?.['CLUSTER_METRICS_PORT'])}/metrics`,
        )
        .sort(),
    );
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8');
  const workspaces = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }
  ).workspaces;

  it('builds in stages with npm ci, skips the ONNX download, runs as a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM node:20\S* AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:20\S* AS runtime$/m);
    expect(dockerfile).toMatch(/RUN npm ci\b/);
    expect(dockerfile).toMatch(/ONNXRUNTIME_NODE_INSTALL=skip/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });

  it('starts the online service with the flags every launcher uses', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]';
    expect(JSON.parse(cmd)).toEqual(['node', ...ONLINE_NODE_FLAGS, 'online/dist/main.js']);
  });

  it('copies every workspace manifest before npm ci (so the lockfile install is cached)', () => {
    for (const workspace of workspaces) {
      expect(dockerfile, workspace).toContain(`COPY ${workspace}/package.json ${workspace}/`);
      expect(existsSync(path.join(ROOT, workspace, 'package.json'))).toBe(true);
    }
  });
});
