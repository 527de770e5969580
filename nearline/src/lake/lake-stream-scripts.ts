/** Lua scripts of the lake stream; every key carries the `{nearline-lake}` hash tag. */
import { defineLuaScript } from '@mediassist/shared/events';

export const COMMIT_LAKE_FILE_SCRIPT = defineLuaScript({
  numberOfKeys: 3,
  lua: `--[[
  After a lake file (or nothing, for duplicates only) is durably in place: remember its event ids as
  written, acknowledge its stream entries, forget its intent, and drop written ids older than the
  de-duplication window.

  Input:
    KEYS[1] stream, KEYS[2] written zset, KEYS[3] intents hash
    ARGV[1] consumer group
    ARGV[2] now (epoch ms)
    ARGV[3] de-duplication window (ms)
    ARGV[4] intent (file path) to forget, or "" for none
    ARGV[5] n, the number of event ids
    ARGV[6 .. 5+n] event ids; ARGV[6+n ..] stream entry ids to acknowledge

  Output: the number of entries acknowledged.
]]
local n = tonumber(ARGV[5])
local chunk = {}
for i = 6, 5 + n do
  chunk[#chunk + 1] = ARGV[2]
  chunk[#chunk + 1] = ARGV[i]
  if #chunk >= 1000 or i == 5 + n then
    redis.call("ZADD", KEYS[2], unpack(chunk))
    chunk = {}
  end
end
local acked = 0
local ids = {}
for i = 6 + n, #ARGV do
  ids[#ids + 1] = ARGV[i]
  if #ids >= 1000 or i == #ARGV then
    acked = acked + redis.call("XACK", KEYS[1], ARGV[1], unpack(ids))
    ids = {}
  end
end
if ARGV[4] ~= "" then
  redis.call("HDEL", KEYS[3], ARGV[4])
end
redis.call("ZREMRANGEBYSCORE", KEYS[2], "-inf", "(" .. tostring(tonumber(ARGV[2]) - tonumber(ARGV[3])))
return acked
`,
});

export const TRIM_LAKE_STREAM_SCRIPT = defineLuaScript({
  numberOfKeys: 1,
  lua: `--[[
  Removes stream entries every consumer is done with: older than both the group's last delivered
  entry and its oldest unacknowledged one. Entries not yet delivered are never removed.

  Input: KEYS[1] stream, ARGV[1] consumer group
  Output: the number of entries removed.
]]
local last = nil
for _, group in ipairs(redis.call("XINFO", "GROUPS", KEYS[1])) do
  local fields = {}
  for i = 1, #group, 2 do
    fields[group[i]] = group[i + 1]
  end
  if fields["name"] == ARGV[1] then
    last = fields["last-delivered-id"]
  end
end
if not last then
  return 0
end
local pending = redis.call("XPENDING", KEYS[1], ARGV[1])
local minid = last
if pending[1] > 0 then
  minid = pending[2]
end
return redis.call("XTRIM", KEYS[1], "MINID", minid)
`,
});

export const RESERVE_LAKE_FILE_SCRIPT = defineLuaScript({
  numberOfKeys: 2,
  lua: `--[[
  Before a lake file is written: reserve its event ids (so no other consumer writes them too) and
  record the intent, atomically. Ids already written or reserved are left out.

  Input:
    KEYS[1] written zset, KEYS[2] intents hash
    ARGV[1] now (epoch ms), ARGV[2] file path, ARGV[3] consumer
    ARGV[4 ..] pairs: event id, its stream entry ids joined by ","

  Output: the reserved event ids (the file holds exactly these).

  Idempotent per file: a client that resends this call after losing the reply (ioredis does, after a
  reconnect) gets the ids its first run reserved, not an empty set — which would make the writer
  acknowledge them as duplicates while the intent's recovery later releases them: lost.
]]
local recorded = redis.call("HGET", KEYS[2], ARGV[2])
if recorded then
  return cjson.decode(recorded).eventIds
end
local eventIds, streamIds = {}, {}
for i = 4, #ARGV, 2 do
  if redis.call("ZADD", KEYS[1], "NX", ARGV[1], ARGV[i]) == 1 then
    eventIds[#eventIds + 1] = ARGV[i]
    for id in string.gmatch(ARGV[i + 1], "[^,]+") do
      streamIds[#streamIds + 1] = id
    end
  end
end
if #eventIds > 0 then
  redis.call("HSET", KEYS[2], ARGV[2], cjson.encode({
    consumer = ARGV[3],
    createdAtMs = tonumber(ARGV[1]),
    streamIds = streamIds,
    eventIds = eventIds,
  }))
end
return eventIds
`,
});

export const UNDO_LAKE_FILE_SCRIPT = defineLuaScript({
  numberOfKeys: 2,
  lua: `--[[
  A lake file that never landed: release its reserved event ids and forget its intent (its stream
  entries stay unacknowledged and are written again by whoever claims them).

  Input: KEYS[1] written zset, KEYS[2] intents hash; ARGV[1] file path; ARGV[2 ..] event ids
  Output: the number of ids released.
]]
local released = 0
for i = 2, #ARGV do
  released = released + redis.call("ZREM", KEYS[1], ARGV[i])
end
redis.call("HDEL", KEYS[2], ARGV[1])
return released
`,
});
