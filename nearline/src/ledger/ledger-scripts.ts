/** The two Lua scripts behind the patient ledger; all keys share the patient's hash tag. */
import { defineLuaScript } from '@mediassist/shared/events';

export const LOAD_PATIENT_SCRIPT = defineLuaScript({
  numberOfKeys: 2,
  lua: `--[[
  Reads what a refresh needs, as one consistent snapshot.

  Input:
    KEYS[1] state hash     <prefix>nl:{<patientId>}:state   (fields rev, data)
    KEYS[2] pending hash   <prefix>nl:{<patientId>}:pending

  Output: { rev (string), data (string or false), pending (flat field/value list) }
]]
local state = redis.call("HMGET", KEYS[1], "rev", "data")
return { state[1] or "0", state[2], redis.call("HGETALL", KEYS[2]) }
`,
});

export const COMMIT_PATIENT_SCRIPT = defineLuaScript({
  numberOfKeys: 3,
  lua: `--[[
  Records a refresh atomically: the new state, the processed-event records and the removal of the
  events it consumed. Refused when another refresh committed since this one loaded (rev changed).

  Input:
    KEYS[1] state hash, KEYS[2] pending hash, KEYS[3] done hash
    ARGV[1] expected rev
    ARGV[2] new state data (JSON)
    ARGV[3] state TTL (seconds)
    ARGV[4] processed-record retention (seconds)
    ARGV[5] now (epoch ms)
    ARGV[6] n, the number of processed events
    ARGV[7 .. 6+2n] event id, "<processed at ms>:<content hash>" pairs
    ARGV[7+2n ..] event ids to remove from the pending hash

  Output: the new rev, or -1 when the expected rev did not match.
]]
local rev = tonumber(redis.call("HGET", KEYS[1], "rev") or "0")
if rev ~= tonumber(ARGV[1]) then
  return -1
end
redis.call("HSET", KEYS[1], "rev", rev + 1, "data", ARGV[2])
redis.call("EXPIRE", KEYS[1], ARGV[3])
local n = tonumber(ARGV[6])
local i = 7
if n > 0 then
  redis.call("HSET", KEYS[3], unpack(ARGV, i, i + 2 * n - 1))
  redis.call("EXPIRE", KEYS[3], ARGV[4])
  i = i + 2 * n
end
if i <= #ARGV then
  redis.call("HDEL", KEYS[2], unpack(ARGV, i))
end
if n > 0 and redis.call("HLEN", KEYS[3]) > 64 then
  local oldest = tonumber(ARGV[5]) - 1000 * tonumber(ARGV[4])
  local records = redis.call("HGETALL", KEYS[3])
  for j = 1, #records, 2 do
    local at = tonumber(string.match(records[j + 1], "^(%d+):"))
    if at == nil or at < oldest then
      redis.call("HDEL", KEYS[3], records[j])
    end
  end
end
return rev + 1
`,
});
