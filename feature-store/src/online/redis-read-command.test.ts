import { describe, expect, it } from 'vitest';
import { createHmgetRequest, EncodedHmget } from './redis-read-command.js';

describe('createHmgetRequest', () => {
  it('encodes HMGET with the key and the fields as RESP bulk strings', () => {
    const request = createHmgetRequest(['demographics:value', 'demographics:as_of']);
    expect(request('mediassist:fs:{pt_1}')).toBe(
      '*4\r\n$5\r\nHMGET\r\n$20\r\nmediassist:fs:{pt_1}\r\n' +
        '$18\r\ndemographics:value\r\n$18\r\ndemographics:as_of\r\n',
    );
  });

  it('counts bytes, not characters, in a non-ASCII key', () => {
    expect(createHmgetRequest([])('é')).toBe('*2\r\n$5\r\nHMGET\r\n$2\r\né\r\n');
  });
});

describe('EncodedHmget', () => {
  it('writes the encoded request and keeps the key for cluster routing', () => {
    const command = new EncodedHmget({ key: 'k{p}', request: createHmgetRequest(['f']) });
    expect(command.toWritable()).toBe('*3\r\n$5\r\nHMGET\r\n$4\r\nk{p}\r\n$1\r\nf\r\n');
    expect(command.getKeys()).toEqual(['k{p}']);
  });
});
