/**
 * worker_threads entry: builds its own generator from the run's config, then writes the shards the
 * main thread hands it, reporting progress and results by message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createGeneratorFromConfig, type GenerationConfig } from './generation-config.js';
import { generateShard, type Shard } from './generate-shard.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (!port) {
  throw new Error('generate-worker must run in a worker thread');
}
const { config, outDir, gzip } = workerData as {
  config: GenerationConfig;
  outDir: string;
  gzip: boolean;
};
const generator = createGeneratorFromConfig(config);
const reply = (message: WorkerReply): void => {
  port.postMessage(message);
};
port.on('message', (message: WorkerRequest) => {
  if (message.type === 'stop') {
    port.close();
    return;
  }
  const shard: Shard = message.shard;
  generateShard({
    generator,
    shard,
    outDir,
    gzip,
    onProgress: (patients) => {
      reply({ type: 'progress', patients });
    },
  }).then(
    (result) => {
      reply({ type: 'done', result });
    },
    (error: unknown) => {
      reply({
        type: 'failed',
        shard: shard.index,
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
});
reply({ type: 'ready' });
