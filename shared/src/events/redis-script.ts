/** Runs a Lua script by SHA (EVALSHA), sending its body once (EVAL) when the server does not know it. */
import { createHash } from 'node:crypto';

/** The one Redis call the tier's producers make; `Redis` and `Cluster` from ioredis both fit. */
export interface RedisCaller {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
}

export interface LuaScript {
  readonly lua: string;
  readonly sha: string;
  readonly numberOfKeys: number;
}

export function defineLuaScript(options: { lua: string; numberOfKeys: number }): LuaScript {
  return {
    lua: options.lua,
    numberOfKeys: options.numberOfKeys,
    sha: createHash('sha1').update(options.lua).digest('hex'),
  };
}

export async function runLuaScript(
  redis: RedisCaller,
  script: LuaScript,
  args: { keys: readonly string[]; argv: readonly (string | number)[] },
): Promise<unknown> {
  const params = [script.numberOfKeys, ...args.keys, ...args.argv];
  try {
    return await redis.call('EVALSHA', script.sha, ...params);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('NOSCRIPT')) {
      return redis.call('EVAL', script.lua, ...params);
    }
    throw error;
  }
}
