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
local rcall = redis.call
local busy = {}
for i = 1, #KEYS do
  if rcall("EXISTS", KEYS[i]) == 0 then
    rcall("RESTORE", KEYS[i], ARGV[1], ARGV[i + 1])
  else
    busy[#busy + 1] = i
  end
end
return busy
`;

export const RESTORE_MANY_SHA1 = createHash('sha1').update(RESTORE_MANY_LUA).digest('hex');
