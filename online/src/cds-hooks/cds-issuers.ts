/**
 * The EHRs MediAssist trusts for CDS Hooks (`CDS_HOOKS_ISSUERS`, a JSON array): each issuer's `iss`
 * and where its public keys are — a JWKS URL, a local JWKS file, and/or the `jku` header values it
 * may use (matched exactly; a token naming any other key set URL is refused).
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '@mediassist/shared/errors';
import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';

const HttpUrl = z.url({ protocol: /^https?$/ });

export const CdsIssuerConfigSchema = z
  .strictObject({
    iss: z.string().min(1).max(512),
    /** The issuer's JWK Set URL (fetched and cached). */
    jwksUrl: HttpUrl.optional(),
    /** A JWK Set on disk (air-gapped sites, tests). */
    jwksFile: z.string().min(1).optional(),
    /** `jku` header values this issuer may send, matched exactly. */
    jku: z.array(HttpUrl).max(10).default([]),
  })
  .refine((i) => i.jwksUrl !== undefined || i.jwksFile !== undefined || i.jku.length > 0, {
    message: 'give jwksUrl, jwksFile or the allowed jku URLs',
  });
export type CdsIssuerConfig = z.infer<typeof CdsIssuerConfigSchema>;

export const CdsIssuersSchema = z
  .array(CdsIssuerConfigSchema)
  .max(50)
  .refine((list) => new Set(list.map((i) => i.iss)).size === list.length, {
    message: 'each iss once',
  });

/** An issuer ready for verification: its local key set is loaded. */
export interface TrustedIssuer {
  iss: string;
  jwks?: JSONWebKeySet;
  jwksUrl?: string;
  jku: readonly string[];
}

const JwksFileSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string() })).min(1),
});

/** Reads each issuer's JWKS file; CONFIG_INVALID names the issuer index, never key material. */
export async function loadTrustedIssuers(
  configs: readonly CdsIssuerConfig[],
): Promise<TrustedIssuer[]> {
  return Promise.all(
    configs.map(async (config, i): Promise<TrustedIssuer> => {
      const base = {
        iss: config.iss,
        jku: config.jku,
        ...(config.jwksUrl === undefined ? {} : { jwksUrl: config.jwksUrl }),
      };
      if (config.jwksFile === undefined) {
        return base;
      }
      try {
        const parsed = JwksFileSchema.parse(JSON.parse(await readFile(config.jwksFile, 'utf8')));
        return { ...base, jwks: parsed };
      } catch (error) {
        throw new AppError(
          'CONFIG_INVALID',
          `CDS_HOOKS_ISSUERS.${String(i)}.jwksFile is not a readable JWK Set`,
          {
            cause: error,
          },
        );
      }
    }),
  );
}
