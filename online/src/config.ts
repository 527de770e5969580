/**
 * The online process's environment, parsed once in main.ts. Only MEDIASSIST_HOME and one of REDIS_URL
 * or REDIS_CLUSTER_NODES are required (the launcher passes REDIS_URL and PORT); every other variable
 * has a local-use default.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkRedisTarget,
  redisConnectionEnvFields,
} from '@mediassist/feature-store/redis-connection';
import { PseudonymKeySchema } from '@mediassist/shared/pseudonym';
import { z } from 'zod';
import { ApiKeyEntrySchema } from './auth/api-key.js';
import { CdsIssuersSchema } from './cds-hooks/cds-issuers.js';

const commaList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0),
  )
  .pipe(z.array(z.url()));

const jsonApiKeys = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of API key entries' });
      return z.NEVER;
    }
  })
  .pipe(z.array(ApiKeyEntrySchema));

const positiveInt = z.coerce.number().int().positive();

const jsonCdsIssuers = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON array of trusted CDS Hooks issuers',
      });
      return z.NEVER;
    }
  })
  .pipe(CdsIssuersSchema);

export const OnlineEnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Interface to bind; `0.0.0.0` in a container. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** One Redis node (REDIS_URL) or a Redis Cluster (REDIS_CLUSTER_NODES=host:port,…), not both. */
    ...redisConnectionEnvFields,
    MEDIASSIST_HOME: z.string().min(1),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    /** Keyed-hash secret for patient pseudonyms; routes that receive EHR patient ids need it. */
    PSEUDONYM_KEY: PseudonymKeySchema.optional(),
    /** Browser origins allowed by CORS, comma-separated (the web app's dev server by default). */
    CORS_ORIGINS: commaList.default(['http://localhost:5173', 'http://127.0.0.1:5173']),
    BODY_LIMIT_BYTES: positiveInt.default(256 * 1024),
    /** Hashed key store; default `$MEDIASSIST_HOME/secrets/api-keys.json`. */
    API_KEYS_FILE: z.string().min(1).optional(),
    /** Extra keys as a JSON array of `{ id, subject, roles, sha256 }` (hashes only). */
    API_KEYS: jsonApiKeys.optional(),
    /** Create local development keys (one per role) when missing. Set `false` in production. */
    LOCAL_DEV_KEYS: z.stringbool().default(true),
    JWT_HS256_SECRET: z.string().min(32).optional(),
    /** PEM (SPKI) public key file for RS256 tokens. */
    JWT_RS256_PUBLIC_KEY_FILE: z.string().min(1).optional(),
    JWT_ISSUER: z.string().min(1).optional(),
    JWT_AUDIENCE: z.string().min(1).optional(),
    /** Token bucket per caller: burst size and sustained requests per second. */
    RATE_LIMIT_BURST: positiveInt.default(60),
    RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(10),
    /** Deadline for a Redis rate-limit decision before the local limiter decides. */
    RATE_LIMIT_REDIS_TIMEOUT_MS: positiveInt.default(50),
    /** A replica spends tokens taken from Redis for at most this long (lease = refill over it). */
    RATE_LIMIT_LEASE_MS: positiveInt.default(100),
    REDIS_KEY_PREFIX: z.string().default('mediassist:'),
    /** Audit NDJSON folder; default `$MEDIASSIST_HOME/audit`. */
    AUDIT_DIR: z.string().min(1).optional(),
    /**
     * How long an audit record may wait for its write. Short enough that a record is gone before V8's
     * second scavenge, which would copy it to the old space (at 1,000 req/s: one every ~80 ms).
     */
    AUDIT_FLUSH_MS: positiveInt.default(50),
    READINESS_PING_TIMEOUT_MS: positiveInt.default(250),
    /** Deadline for the assist route's one feature-store round trip; then guidelines alone answer. */
    ASSIST_FEATURE_TIMEOUT_MS: positiveInt.default(30),
    /** Deadline for one diagnosis-model run. */
    ASSIST_MODEL_TIMEOUT_MS: positiveInt.default(50),
    /**
     * Assist answers in progress beyond which new ones skip the feature read and the model
     * (`overloaded`) until the service catches up; 0 never sheds.
     */
    ASSIST_MAX_IN_FLIGHT: z.coerce.number().int().min(0).default(4),
    /** Model registry folder; default `$MEDIASSIST_HOME/registry`. */
    MODEL_REGISTRY_DIR: z.string().min(1).optional(),
    /** How often the registry's production and canary pointers are checked for a new model. */
    MODEL_POLL_MS: positiveInt.default(5_000),
    /** On SIGTERM: report draining this long before closing the listener (load balancer catch-up). */
    SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(0),
    /** In-flight requests get this long to finish before connections are cut. */
    SHUTDOWN_GRACE_MS: positiveInt.default(8_000),
    /** The built web app served at `/`; default `online/web/dist` beside this package. */
    WEB_DIST_DIR: z.string().min(1).optional(),
    /** List demo patients sampled from the online store (synthetic data). Set `false` in production. */
    WEB_DEMO_PATIENTS: z.stringbool().default(true),
    /** Let a browser on this machine pre-fill the local clinician key (only with LOCAL_DEV_KEYS). */
    WEB_LOCAL_KEY: z.stringbool().default(true),
    /** Deadline for the patient record's feature read (opened once per consultation, not per keystroke). */
    PATIENT_FEATURE_TIMEOUT_MS: positiveInt.default(250),
    /** CDS Hooks: the public base URL EHRs call; a JWT's `aud` must be `<base>/cds-services/…`. */
    CDS_HOOKS_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** CDS Hooks: trusted EHRs, a JSON array of `{ iss, jwksUrl?, jwksFile?, jku?: [url] }`. */
    CDS_HOOKS_ISSUERS: jsonCdsIssuers.optional(),
    /** CDS Hooks without a JWT, for local development only: refused unless HOST is loopback. */
    CDS_HOOKS_OPEN: z.stringbool().default(false),
    /** CDS Hooks: deadline for reading data the EHR did not prefetch from its FHIR server. */
    CDS_HOOKS_FHIR_TIMEOUT_MS: positiveInt.default(1_000),
    /** CDS Hooks: the oldest token (`iat`) and the longest token lifetime accepted, in seconds. */
    CDS_HOOKS_MAX_TOKEN_AGE_SEC: positiveInt.default(600),
    /** CDS Hooks: how long issued cards accept feedback. */
    CDS_HOOKS_CARD_TTL_DAYS: positiveInt.default(14),
  })
  .superRefine(checkRedisTarget({ required: true }));

export type OnlineEnv = z.infer<typeof OnlineEnvSchema>;

export function secretsDir(env: OnlineEnv): string {
  return path.join(env.MEDIASSIST_HOME, 'secrets');
}

export function apiKeysFile(env: OnlineEnv): string {
  return env.API_KEYS_FILE ?? path.join(secretsDir(env), 'api-keys.json');
}

export function auditDir(env: OnlineEnv): string {
  return env.AUDIT_DIR ?? path.join(env.MEDIASSIST_HOME, 'audit');
}

export function modelRegistryDir(env: OnlineEnv): string {
  return env.MODEL_REGISTRY_DIR ?? path.join(env.MEDIASSIST_HOME, 'registry');
}

/** The built web app: WEB_DIST_DIR, else `online/web/dist` (from `src/` or `dist/` alike). */
export function webDistDir(env: OnlineEnv): string {
  return env.WEB_DIST_DIR ?? fileURLToPath(new URL('../web/dist', import.meta.url));
}
