import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssistApp, PATIENT } from '../assist/testing/assist-fixture.js';
import { startHttpServer, type RunningHttpServer } from '../server/http-server.js';

const BODY = JSON.stringify({
  patient: { pseudonym: PATIENT },
  findings: { present: ['cough', 'fever'] },
});

/** The status line and header block of one POST /api/v1/assist, as the socket carries them. */
function rawHead(port: number, key: string, extra = ''): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      data += chunk;
      const end = data.indexOf('\r\n\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(data.slice(0, end).split('\r\n'));
      }
    });
    socket.write(
      `POST /api/v1/assist HTTP/1.1\r\nHost: localhost\r\nX-API-Key: ${key}\r\n` +
        `Content-Type: application/json\r\n${extra}Content-Length: ${String(Buffer.byteLength(BODY))}\r\n\r\n${BODY}`,
    );
  });
}

const names = (head: string[]) => head.slice(1).map((line) => line.slice(0, line.indexOf(':')));

describe('responseFrame over node:http', () => {
  let server: RunningHttpServer | undefined;
  afterEach(async () => {
    await server?.close(100);
    server = undefined;
  });

  it('writes an assist answer from the frame: the same header lines, Content-Length set by node', async () => {
    const t = await createAssistApp();
    server = await startHttpServer({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    const framed = await rawHead(server.port, t.keys.clinician);
    // `Accept-Encoding: identity` takes the usual path (compress runs and leaves the answer as is).
    const usual = await rawHead(server.port, t.keys.clinician, 'Accept-Encoding: identity\r\n');
    expect(framed[0]).toBe('HTTP/1.1 200 OK');
    expect(usual[0]).toBe('HTTP/1.1 200 OK');
    const withoutLength = (head: string[]) =>
      names(head).filter((name) => name !== 'Content-Length');
    expect(withoutLength(framed)).toEqual(withoutLength(usual));
    // Plain-object headers: node adds Content-Length after its own; a Headers object lists it first.
    expect(names(framed).slice(-4)).toEqual(['Date', 'Connection', 'Keep-Alive', 'Content-Length']);
    expect(names(usual).slice(-4)).toEqual(['Content-Length', 'Date', 'Connection', 'Keep-Alive']);
    const values = (head: string[]) =>
      head.filter((line) => !/^(date|x-request-id|content-length):/i.test(line)).slice(1);
    expect(values(framed).sort()).toEqual(values(usual).sort());
  });
});
