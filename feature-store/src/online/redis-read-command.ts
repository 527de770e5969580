/**
 * The online read's one Redis command, `HMGET <key> <fields…>`, encoded up front: the fields are the
 * same on every read of the same views, so a read encodes only its key (ioredis would flatten and
 * encode all 2 + 3 × views arguments on every call).
 */
import { Command } from 'ioredis';

/** RESP bytes of `HMGET <key> <fields…>` for one list of fields, as a string (UTF-8 on the wire). */
export type HmgetRequest = (key: string) => string;

export function createHmgetRequest(fields: readonly string[]): HmgetRequest {
  const bulk = (s: string) => `$${String(Buffer.byteLength(s))}\r\n${s}\r\n`;
  const head = `*${String(fields.length + 2)}\r\n${bulk('HMGET')}`;
  const tail = fields.map(bulk).join('');
  return (key) => head + bulk(key) + tail;
}

/**
 * An ioredis HMGET whose request was encoded up front. It resolves to one Buffer per field, null
 * where the field is absent (like `hmgetBuffer`); its key routes it on Redis Cluster.
 */
export class EncodedHmget extends Command {
  readonly #request: string;

  constructor(options: { key: string; request: HmgetRequest }) {
    super('hmget', [options.key]);
    this.#request = options.request(options.key);
  }

  override toWritable(): string {
    return this.#request;
  }
}
