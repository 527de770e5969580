/** The Lua script that stages an accepted event in its patient's pending hash, once per event id. */
import { defineLuaScript } from './redis-script.js';

export const STAGE_OUTCOMES = {
  /** New: staged for the patient's next refresh. */
  staged: 0,
  /** Already waiting with the same content. */
  alreadyPending: 1,
  /** Already applied (within the processed-record retention) with the same content. */
  alreadyProcessed: 2,
  /** The id is known with different content. */
  conflict: -1,
} as const;
export type StageOutcome = (typeof STAGE_OUTCOMES)[keyof typeof STAGE_OUTCOMES];

export const STAGE_EVENT_SCRIPT = defineLuaScript({
  numberOfKeys: 2,
  lua: `--[[
  Stages one event for its patient unless its id was already staged or applied.

  Input:
    KEYS[1] the patient's pending hash   <prefix>nl:{<patientId>}:pending
    KEYS[2] the patient's done hash      <prefix>nl:{<patientId>}:done
    ARGV[1] event id
    ARGV[2] content hash (64 hex)
    ARGV[3] pending entry: "<content hash> <envelope JSON>"

  Output: 0 staged, 1 already pending, 2 already processed, -1 same id with other content.
]]
local done = redis.call("HGET", KEYS[2], ARGV[1])
if done then
  local hash = string.match(done, ":(%x+)$")
  if hash == ARGV[2] then return 2 end
  return -1
end
local pending = redis.call("HGET", KEYS[1], ARGV[1])
if pending then
  if string.sub(pending, 1, 64) == ARGV[2] then return 1 end
  return -1
end
redis.call("HSET", KEYS[1], ARGV[1], ARGV[3])
return 0
`,
});
