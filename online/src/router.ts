/**
 * `createRouter()`: the only way to make a (sub-)app. Routes are declared with `createRoute` from
 * `@hono/zod-openapi`, so they are validated at the edge and listed in /openapi.json. Every router
 * validates with `throwOnInvalid`, never with zod-validator's default 400 body.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.js';
import { throwOnInvalid } from './errors/validation-hook.js';

export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: throwOnInvalid });
}
