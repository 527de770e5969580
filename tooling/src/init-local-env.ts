/** `node tooling/dist/init-local-env.js`: creates `.mediassist/local.env` if missing (run by setup). */
import { ensureLocalEnv, localEnvPath } from './local-env.js';

await ensureLocalEnv();
process.stdout.write(`Local environment: ${localEnvPath()}\n`);
