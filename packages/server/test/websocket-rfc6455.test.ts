// RFC 6455 and async spec §4 probes of the real CLI over raw sockets (websocket_probe.py writes exact
// frames, reads exact replies) and the Python `websockets` client; the probe app reports what it saw.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './clients/support.js';
import { spawnCli, type CliProcess } from './support/cli-process.js';

type Results = Record<string, unknown>;

const MAX_SIZE = 1024;
const APP = 'websocket-probe-app.ts:app';
let plain: CliProcess | undefined;
let deflating: CliProcess | undefined;
let results: Results = {};

beforeAll(async () => {
  [plain, deflating] = await Promise.all([
    spawnCli(['serve', APP, '--port', '0', '--ws-max-size', String(MAX_SIZE)]),
    spawnCli(['serve', APP, '--port', '0', '--ws-per-message-deflate']),
  ]);
  const hostPort = (url: string): string => new URL(url).host;
  const config = { base: hostPort(plain.url), deflateBase: hostPort(deflating.url), maxSize: MAX_SIZE };
  const ran = await run('/usr/bin/python3', [join(import.meta.dirname, 'websocket_probe.py'), JSON.stringify(config)], { timeoutMs: 90_000 });
  if (ran.code !== 0) throw new Error(`websocket_probe.py exited ${ran.code}:\n${ran.stderr}`);
  results = JSON.parse(Buffer.from(ran.stdout, 'latin1').toString('utf8')) as Results;
}, 120_000);
afterAll(async () => {
  await Promise.all([plain?.stop(), deflating?.stop()]);
});

const result = (name: string): unknown => (name in results ? results[name] : { missing: name });
/** How a probe that broke a rule saw the server fail the connection, and what the app was told. */
const failedWith = (code: number): unknown => ({ serverClose: code, eof: true, app: { code: 1006, reason: '' } });

describe('messages and control frames', () => {
  it('reassembles fragments around a ping, whose pong carries the ping payload (RFC 6455 §5.4, §5.5.3)', () => {
    expect(result('fragmentedWithPing')).toEqual({
      pong: { opcode: 0xa, payload: 'ping-payload' },
      echo: { opcode: 0x1, text: 'fragmented ☃', fin: true, rsv: 0, masked: false },
      closeReply: { code: 1000, reason: 'bye' },
      eof: true,
      app: { code: 1000, reason: 'bye' },
    });
  });

  it('reassembles binary fragments and answers an empty ping with an empty pong', () => {
    expect(result('fragmentedBinary')).toEqual({ echo: { opcode: 0x2, bytes: [1, 2, 3] }, emptyPong: { opcode: 0xa, payload: '' } });
  });

  it('accepts a code point split between fragments, valid once joined (RFC 6455 §8.1)', () => {
    expect(result('codePointSplitAcrossFragments')).toEqual({ opcode: 0x1, text: '☃' });
  });

  it('delivers a message of exactly --ws-max-size', () => {
    expect(result('atMaxSize')).toEqual({ length: MAX_SIZE });
  });

  it('ignores an unsolicited pong, and a close between fragments drops the partial message (RFC 6455 §5.4, §5.5.3)', () => {
    expect(result('pongThenCloseMidFragments')).toEqual({ echo: 'still here', reply: { code: 1000, reason: '' }, eof: true, app: ['still here', 1000] });
  });

  it('delivers the messages sent before the close frame, then the disconnect (async §4.4.3)', () => {
    expect(result('messagesBeforeClose')).toEqual(['0', '1', '2', '3', '4']);
  });
});

describe('the close handshake', () => {
  it("echoes the client's code and reason, ends the TCP connection, and tells the app (RFC 6455 §5.5.1, §7.1.1)", () => {
    expect(result('closeWithCode')).toEqual({ reply: { code: 4321, reason: 'done ☃' }, eof: true, app: { code: 4321, reason: 'done ☃' } });
  });

  it('answers a close frame without a code with none, and the app sees 1005 (RFC 6455 §7.1.5)', () => {
    expect(result('closeWithoutCode')).toEqual({ reply: { code: 'none', reason: '' }, eof: true, app: { code: 1005, reason: '' } });
  });

  it('accepts a registered code (3000) as sent', () => {
    expect(result('closeCode3000')).toEqual({ serverClose: 3000, eof: true, app: { code: 3000, reason: '' } });
  });

  it.each([999, 1004, 1005, 1006, 1015, 1016, 2999, 5000])('fails a close frame carrying %i with 1002 (RFC 6455 §7.4)', (code) => {
    expect(result(`closeCode${code}`)).toEqual(failedWith(1002));
  });

  it('fails a 1-byte close payload with 1002 and a reason that is not UTF-8 with 1007 (RFC 6455 §5.5.1)', () => {
    expect(result('closeOneByte')).toEqual(failedWith(1002));
    expect(result('closeReasonNotUtf8')).toEqual(failedWith(1007));
  });

  it("sends the app's close code and reason, and the app's next receive() is the client's answer (async §4.7.2)", () => {
    expect(result('appCloses')).toEqual({ reply: { code: 4003, reason: 'enough' }, eof: true, app: { code: 4003, reason: '' } });
  });

  it('closes with 1011 when the app raises mid-session and 1000 when it returns (async §4.8)', () => {
    expect(result('raiseAfterAccept')).toEqual({ code: 1011, reason: '' });
    expect(result('appReturns')).toEqual({ code: 1000, reason: '' });
  });

  it('tells the app 1006 when the client vanishes without a close frame (async §4.6.2)', () => {
    expect(result('clientVanishes')).toEqual({ app: { code: 1006, reason: '' } });
  });
});

describe('protocol errors fail the connection (RFC 6455 §7.1.7)', () => {
  it.each([
    ['unmasked', 'an unmasked client frame (§5.1)'],
    ['rsv1', 'RSV1 without permessage-deflate (§5.2)'],
    ['rsv2', 'RSV2 (§5.2)'],
    ['rsv3', 'RSV3 (§5.2)'],
    ['opcode3', 'a reserved data opcode (§5.2)'],
    ['opcodeB', 'a reserved control opcode (§5.2)'],
    ['bigPing', 'a control frame over 125 bytes (§5.5)'],
    ['fragmentedPing', 'a fragmented control frame (§5.5)'],
    ['orphanContinuation', 'a continuation with nothing to continue (§5.4)'],
    ['newMessageMidFragments', 'a new message inside a fragmented one (§5.4)'],
  ])('with 1002 for %s: %s', (name) => {
    expect(result(name)).toEqual(failedWith(1002));
  });

  it('with 1007 for text that is not UTF-8, in one frame or across fragments (§8.1)', () => {
    expect(result('textNotUtf8')).toEqual(failedWith(1007));
    expect(result('textNotUtf8AcrossFragments')).toEqual(failedWith(1007));
  });

  it('with 1009 for a message over --ws-max-size, in one frame or across fragments', () => {
    expect(result('tooBig')).toEqual(failedWith(1009));
    expect(result('tooBigInFragments')).toEqual(failedWith(1009));
  });
});

describe('the opening handshake', () => {
  it('answers 426 with Sec-WebSocket-Version: 13 to another or a missing version (RFC 6455 §4.4)', () => {
    expect(result('badVersion')).toEqual({ status: 426, version: '13', upgrade: null });
    expect(result('missingVersion')).toEqual({ status: 426, version: '13', upgrade: null });
  });

  it('answers 400 to a missing or short key, and 400 to POST or HTTP/1.0 (RFC 6455 §4.1, §4.2.1)', () => {
    expect(result('missingKey')).toMatchObject({ status: 400, upgrade: null });
    expect(result('shortKey')).toMatchObject({ status: 400, upgrade: null });
    expect(result('post')).toMatchObject({ status: 400, upgrade: null });
    expect(result('http10')).toMatchObject({ status: 400, upgrade: null });
  });

  it('answers 400 to offered subprotocols that are not distinct tokens, before the app sees them (RFC 6455 §4.1)', () => {
    for (const name of ['duplicateSubprotocols', 'emptySubprotocol', 'badSubprotocol']) {
      expect(result(name)).toEqual({ status: 400, version: null, upgrade: null, appSaw: 404 });
    }
  });

  it('sends the subprotocol the app picked from the offers, and none when it picks none (RFC 6455 §4.2.2)', () => {
    expect(result('subprotocolPicked')).toEqual({ status: 101, protocol: 'chat' });
    expect(result('subprotocolNone')).toEqual({ status: 101, protocol: null });
  });

  it("answers with the app's denial response, and the app sees 1006 (async §6.8)", () => {
    expect(result('denial')).toEqual({ status: 401, wwwAuthenticate: 'Bearer', body: 'who are you?', app: { code: 1006, reason: '' } });
  });

  it('answers 403 when the app closes or returns before accepting, and 500 when it raises (async §4.7.1, §4.8)', () => {
    expect(result('/close-before-accept')).toEqual({ status: 403, upgrade: null });
    expect(result('/return-before-accept')).toEqual({ status: 403, upgrade: null });
    expect(result('/raise-before-accept')).toEqual({ status: 500, upgrade: null });
  });
});

describe('permessage-deflate (RFC 7692)', () => {
  it('is negotiated with --ws-per-message-deflate and refused without it', () => {
    expect(result('deflateOff')).toEqual({ extensions: null });
    expect(result('websockets')).toMatchObject({ deflateNegotiated: 'permessage-deflate', deflateEcho: true, deflateBinary: 5000, noDeflate: null });
  });

  it('carries fragmented messages and pings for the websockets client', () => {
    expect(result('websockets')).toMatchObject({ fragmentedText: 'fragmented ☃', pong: true });
  });
});
