/** The Lua script behind every online write: a per-view compare-and-set, atomic per patient. */
import { createHash } from 'node:crypto';

/**
 * Written as one script so nearline workers and materialization can race on a patient without
 * WATCH: Redis runs it atomically, and a value never replaces a newer one. See `shouldReplace`
 * (stored-view.ts) for the rule in TypeScript; the contract suite holds both to it.
 */
export const WRITE_FEATURES_LUA = `--[[
  Stores some feature views of one patient; per view the newest value wins.

  Input:
    KEYS[1] the patient hash, <prefix>fs:{<patientId>}

    ARGV[1] garbage-collection TTL in seconds, 0 for none (never relied on for correctness)
    ARGV[2..] six per view:
      value field, encoded value, as_of field, as_of (epoch ms), version field, version

  A view is written when the hash has no version for it, a lower version, or the same version
  and an as_of not after the new one. A higher stored version is never replaced.

  Output:
    a bit set: bit (i - 1) is 1 when the i-th view was written, 0 when it was skipped.
]]
local rcall = redis.call
local views = (#ARGV - 1) / 6
local ttl = tonumber(ARGV[1])
-- A patient seen for the first time: nothing to compare with.
if rcall("EXISTS", KEYS[1]) == 0 then
  rcall("HSET", KEYS[1], unpack(ARGV, 2))
  if ttl > 0 then
    rcall("EXPIRE", KEYS[1], ttl)
  end
  return 2 ^ views - 1
end
local meta = {}
for i = 1, views do
  local b = 2 + (i - 1) * 6
  meta[2 * i - 1] = ARGV[b + 4]
  meta[2 * i] = ARGV[b + 2]
end
local stored = rcall("HMGET", KEYS[1], unpack(meta))
local mask, bit, all = 0, 1, true
for i = 1, views do
  local b = 2 + (i - 1) * 6
  local storedVersion = tonumber(stored[2 * i - 1])
  local write = true
  if storedVersion then
    local version = tonumber(ARGV[b + 5])
    if storedVersion ~= version then
      write = storedVersion < version
    else
      local storedAsOf = tonumber(stored[2 * i])
      write = storedAsOf == nil or storedAsOf <= tonumber(ARGV[b + 3])
    end
  end
  if write then mask = mask + bit else all = false end
  bit = bit * 2
end
if all then
  rcall("HSET", KEYS[1], unpack(ARGV, 2))
elseif mask > 0 then
  local fields, n, bit = {}, 0, 1
  for i = 1, views do
    if mask % (bit * 2) >= bit then
      local b = 2 + (i - 1) * 6
      for j = b, b + 5 do
        n = n + 1
        fields[n] = ARGV[j]
      end
    end
    bit = bit * 2
  end
  rcall("HSET", KEYS[1], unpack(fields))
end
if mask > 0 and ttl > 0 then
  rcall("EXPIRE", KEYS[1], ttl)
end
return mask
`;

/** At most this many views per call, so the bit set stays an exact Lua number. */
export const MAX_VIEWS_PER_WRITE = 48;

export const WRITE_FEATURES_SHA1 = createHash('sha1').update(WRITE_FEATURES_LUA).digest('hex');
