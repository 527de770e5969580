/** The Lua script that creates many new patients in one call on a standalone Redis (bulk loads). */
import { createHash } from 'node:crypto';

/**
 * One call instead of one command per patient: the client then handles one reply per chunk, not
 * per patient. Only for keys that share a node (standalone Redis); a cluster client sends RESTOREs.
 */
export const RESTORE_MANY_LUA = `--[[
  Creates the patients that do not exist yet from DUMP payloads; leaves existing ones untouched.

  Input:
    KEYS[i]      patient hashes, <prefix>fs:{<patientId>}
    ARGV[1]      TTL in milliseconds for the new keys, 0 for none
    ARGV[1 + i]  the DUMP payload of KEYS[i] (see redis-restore-commands.ts)

  Output:
    the positions i (1-based) of the keys that already existed; the caller writes those patients
    through the newest-wins write script.
]]
local rpcall = redis.pcall
local busy = {}
for i = 1, #KEYS do
  -- RESTORE itself refuses an existing key (BUSYKEY), atomically; no EXISTS needed first.
  local reply = rpcall("RESTORE", KEYS[i], ARGV[1], ARGV[i + 1])
  if type(reply) == "table" and reply.err then
    if string.sub(reply.err, 1, 7) == "BUSYKEY" then
      busy[#busy + 1] = i
    else
      return redis.error_reply(reply.err)
    end
  end
end
return busy
`;

export const RESTORE_MANY_SHA1 = createHash('sha1').update(RESTORE_MANY_LUA).digest('hex');
