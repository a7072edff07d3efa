import { describe, expect, it } from 'vitest';
import { createScope, createWebSocketScope } from '../create-scope.js';
import { ClientDisconnected, isAsyncSpecError } from '../errors.js';
import { COMMON_MESSAGES, HTTP_MESSAGES, LIFESPAN_MESSAGES, WEBSOCKET_MESSAGES } from '../messages.js';
import type { AsyncApp, Scope, Send, SendEvent } from '../types/app.js';
import type { Extensions } from '../types/extensions.js';
import { validate } from './validate.js';

const enc = (text: string) => new TextEncoder().encode(text);
const http = (extensions: Extensions = {}, method = 'GET') => createScope({ method, target: '/', headers: [], extensions });
const ws = (extensions: Extensions = {}) =>
  createWebSocketScope({ target: '/', headers: [['sec-websocket-protocol', 'v1']], extensions });
const lifespan = (): Scope => ({ type: 'lifespan', tsgi: { version: '1.0', specVersion: '1.0' } });
const start = { type: 'http.response.start', status: 200 } as const;
const connect = { type: 'websocket.connect' } as const;

/** Runs `app` through validate() against a scripted server; returns what validate threw. */
async function violation(app: AsyncApp, scope: unknown, inputs: unknown[] = [], serverSend?: Send): Promise<unknown> {
  const queue = [...inputs];
  try {
    await validate(app)(
      scope as Scope,
      () => (queue.length > 0 ? Promise.resolve(queue.shift() as never) : Promise.reject(new Error('test: no more input'))),
      serverSend ?? (() => Promise.resolve()),
    );
  } catch (error) {
    return error;
  }
  return undefined;
}

/** An app that sends each event in order. */
const sends =
  (...events: unknown[]): AsyncApp =>
  async (_scope, _receive, send) => {
    for (const event of events) await send(event as SendEvent);
  };
/** An app that receives `n` events, then sends each event in order. */
const receives =
  (n: number, ...events: unknown[]): AsyncApp =>
  async (scope, receive, send) => {
    for (let i = 0; i < n; i++) await receive();
    await sends(...events)(scope, receive, send);
  };

type Case = [rule: string, message: string, run: () => Promise<unknown>];

const scopeWith = (patch: Record<string, unknown>, base: Scope = http()) => ({ ...base, ...patch });
const ok: AsyncApp = sends(start, { type: 'http.response.body' });

const cases: Case[] = [
  // async §2
  ['COMMON.notAPromise', COMMON_MESSAGES.notAPromise, () => violation((() => undefined) as unknown as AsyncApp, http())],
  ['COMMON.badScope type', COMMON_MESSAGES.badScope('type', "must be 'http', 'websocket' or 'lifespan'"), () => violation(ok, scopeWith({ type: 'ftp' }))],
  ['COMMON.badScope tsgi', COMMON_MESSAGES.badScope('tsgi', "must be { version: '1.0', specVersion: string }"), () => violation(ok, scopeWith({ tsgi: { version: '2.0' } }))],
  ['COMMON.badScope rootPath', COMMON_MESSAGES.badScope('rootPath', "must be '' or start with '/' and not end with '/'"), () => violation(ok, scopeWith({ rootPath: '/api/' }))],
  ['COMMON.badScope rawPath empty', COMMON_MESSAGES.badScope('rawPath', "must be '*' or start with '/'"), () => violation(ok, scopeWith({ rawPath: '', path: '' }))],
  ['COMMON.badScope path empty without rootPath', COMMON_MESSAGES.badScope('path', "must not be '' when rootPath is ''"), () => violation(ok, scopeWith({ path: '' }))],
  ['COMMON.badScope headers case', COMMON_MESSAGES.badScope('headers', "names must be lower-case, got 'Host'"), () => violation(ok, scopeWith({ headers: [['Host', 'x']] }))],
  ['COMMON.badScope method', COMMON_MESSAGES.badScope('method', 'must be an RFC 9110 token'), () => violation(ok, scopeWith({ method: 'G T' }))],
  ['COMMON.badScope client', COMMON_MESSAGES.badScope('client', 'must be null or [host: string, port: number | null]'), () => violation(ok, scopeWith({ client: ['1.2.3.4', '80'] }))],
  ['COMMON.badScope scheme', COMMON_MESSAGES.badScope('scheme', "must be 'ws' or 'wss'"), () => violation(ok, scopeWith({ scheme: 'http' }, ws()))],
  ['COMMON.badScope subprotocols', COMMON_MESSAGES.badScope('subprotocols', 'must be an array of strings'), () => violation(ok, scopeWith({ subprotocols: 'v1' }, ws()))],
  ['COMMON.badEvent', COMMON_MESSAGES.badEvent, () => violation(sends({ status: 200 }), http())],
  ['COMMON.unknownEvent sent', COMMON_MESSAGES.unknownEvent('websocket.send', 'http', 'sent'), () => violation(sends({ type: 'websocket.send', text: 'x' }), http())],
  ['COMMON.unknownEvent received', COMMON_MESSAGES.unknownEvent('lifespan.startup', 'http', 'received'), () => violation(receives(1), http(), [{ type: 'lifespan.startup' }])],
  ['COMMON.badHeaders', COMMON_MESSAGES.badHeaders("'http.response.start' headers"), () => violation(sends({ ...start, headers: [['a']] }), http())],
  ['COMMON.badHeaderName', COMMON_MESSAGES.badHeaderName('bad name'), () => violation(sends({ ...start, headers: [['bad name', 'x']] }), http())],
  ['COMMON.badHeaderValue CRLF', COMMON_MESSAGES.badHeaderValue('x-a'), () => violation(sends({ ...start, headers: [['x-a', 'a\r\nset-cookie: b']] }), http())],
  ['COMMON.badHeaderValue non-latin-1', COMMON_MESSAGES.badHeaderValue('x-a'), () => violation(sends({ ...start, headers: [['x-a', 'ā']] }), http())],
  ['COMMON.notBytes', COMMON_MESSAGES.notBytes('http.response.body', 'body'), () => violation(sends(start, { type: 'http.response.body', body: 'text' }), http())],
  ['COMMON.notBoolean', COMMON_MESSAGES.notBoolean('http.response.body', 'moreBody'), () => violation(sends(start, { type: 'http.response.body', moreBody: 1 }), http())],
  ['COMMON.notString', COMMON_MESSAGES.notString('websocket.close', 'reason'), () => violation(receives(1, { type: 'websocket.close', reason: 4 }), ws(), [connect])],

  // async §3 and §6.1–§6.6
  ['HTTP.startTwice', HTTP_MESSAGES.startTwice, () => violation(sends(start, start), http())],
  ['HTTP.badStatus', HTTP_MESSAGES.badStatus(99), () => violation(sends({ ...start, status: 99 }), http())],
  ['HTTP.badStatus string', HTTP_MESSAGES.badStatus('200'), () => violation(sends({ ...start, status: '200' }), http())],
  ['HTTP.badContentLength', HTTP_MESSAGES.badContentLength('3, 4'), () => violation(sends({ ...start, headers: [['content-length', '3'], ['content-length', '4']] }), http())],
  ['HTTP.bodyBeforeStart', HTTP_MESSAGES.bodyBeforeStart, () => violation(sends({ type: 'http.response.body' }), http())],
  ['HTTP.sentBeforeStart', HTTP_MESSAGES.sentBeforeStart('http.response.zerocopysend'), () => violation(sends({ type: 'http.response.zerocopysend', file: 3 }), http({ 'http.response.zerocopysend': {} }))],
  ['HTTP.afterComplete', HTTP_MESSAGES.afterComplete('http.response.body'), () => violation(sends(start, { type: 'http.response.body' }, { type: 'http.response.body' }), http())],
  ['HTTP.bodyTooLong', HTTP_MESSAGES.bodyTooLong(4, 3), () => violation(sends({ ...start, headers: [['content-length', '3']] }, { type: 'http.response.body', body: enc('abcd') }), http())],
  ['HTTP.bodyTooShort', HTTP_MESSAGES.bodyTooShort(2, 3), () => violation(sends({ ...start, headers: [['content-length', '3']] }, { type: 'http.response.body', body: enc('ab') }), http())],
  ['HTTP.requestAfterEnd', HTTP_MESSAGES.requestAfterEnd, () => violation(receives(2), http(), [{ type: 'http.request', body: enc(''), moreBody: false }, { type: 'http.request', body: enc('') }])],
  ['HTTP.receiveAfterDisconnect', HTTP_MESSAGES.receiveAfterDisconnect('http.request'), () => violation(receives(2), http(), [{ type: 'http.disconnect' }, { type: 'http.request', body: enc('') }])],
  ['HTTP.returnedIncomplete', HTTP_MESSAGES.returnedIncomplete, () => violation(sends(start), http())],
  ['HTTP.returnedWithoutResponse', HTTP_MESSAGES.returnedWithoutResponse, () => violation(sends(), http())],
  ['HTTP.notAdvertised', HTTP_MESSAGES.notAdvertised('http.response.pathsend', 'http.response.pathsend'), () => violation(sends(start, { type: 'http.response.pathsend', path: '/a' }), http())],
  ['HTTP.trailersNotAdvertised', HTTP_MESSAGES.trailersNotAdvertised, () => violation(sends({ ...start, trailers: true }), http())],
  ['HTTP.trailersNotAnnounced', HTTP_MESSAGES.trailersNotAnnounced, () => violation(sends(start, { type: 'http.response.body', moreBody: true }, { type: 'http.response.trailers' }), http({ 'http.response.trailers': {} }))],
  ['HTTP.trailersBeforeBodyEnd', HTTP_MESSAGES.trailersBeforeBodyEnd, () => violation(sends({ ...start, trailers: true }, { type: 'http.response.trailers' }), http({ 'http.response.trailers': {} }))],
  ['HTTP.bodyAfterTrailers', HTTP_MESSAGES.bodyAfterTrailers('http.response.body'), () => violation(sends({ ...start, trailers: true }, { type: 'http.response.body' }, { type: 'http.response.body' }), http({ 'http.response.trailers': {} }))],
  ['HTTP.pathsendNotAbsolute', HTTP_MESSAGES.pathsendNotAbsolute('a.txt'), () => violation(sends(start, { type: 'http.response.pathsend', path: 'a.txt' }), http({ 'http.response.pathsend': {} }))],
  ['HTTP.pathsendAfterBody', HTTP_MESSAGES.pathsendAfterBody, () => violation(sends(start, { type: 'http.response.body', body: enc('a'), moreBody: true }, { type: 'http.response.pathsend', path: '/a' }), http({ 'http.response.pathsend': {} }))],
  ['HTTP.pathsendBeforeStart', HTTP_MESSAGES.pathsendBeforeStart, () => violation(sends({ type: 'http.response.pathsend', path: '/a' }), http({ 'http.response.pathsend': {} }))],
  ['HTTP.zerocopyBadFile', HTTP_MESSAGES.zerocopyBadFile, () => violation(sends(start, { type: 'http.response.zerocopysend', file: -1 }), http({ 'http.response.zerocopysend': {} }))],
  ['HTTP.earlyHintAfterStart', HTTP_MESSAGES.earlyHintAfterStart, () => violation(sends(start, { type: 'http.response.early_hint', links: [] }), http({ 'http.response.early_hint': {} }))],
  ['HTTP.earlyHintBadLinks', HTTP_MESSAGES.earlyHintBadLinks, () => violation(sends({ type: 'http.response.early_hint', links: ['</a>\r\nx: y'] }), http({ 'http.response.early_hint': {} }))],
  ['HTTP.pushBadPath', HTTP_MESSAGES.pushBadPath, () => violation(sends(start, { type: 'http.response.push', path: 'x', headers: [] }), http({ 'http.response.push': {} }))],
  ['HTTP.pushAfterComplete', HTTP_MESSAGES.pushAfterComplete, () => violation(sends(start, { type: 'http.response.body' }, { type: 'http.response.push', path: '/x', headers: [] }), http({ 'http.response.push': {} }))],
  ['HTTP.debugBadInfo', HTTP_MESSAGES.debugBadInfo, () => violation(sends({ type: 'http.response.debug', info: 'x' }), http())],

  // async §4 and §6.8
  ['WEBSOCKET.connectTwice', WEBSOCKET_MESSAGES.connectTwice, () => violation(receives(2), ws(), [connect, connect])],
  ['WEBSOCKET.receiveBeforeConnect', WEBSOCKET_MESSAGES.receiveBeforeConnect('websocket.receive'), () => violation(receives(1), ws(), [{ type: 'websocket.receive', text: 'x' }])],
  ['WEBSOCKET.badSubprotocol', WEBSOCKET_MESSAGES.badSubprotocol('v9'), () => violation(receives(1, { type: 'websocket.accept', subprotocol: 'v9' }), ws(), [connect])],
  ['WEBSOCKET.acceptTwice', WEBSOCKET_MESSAGES.acceptTwice('connected'), () => violation(receives(1, { type: 'websocket.accept' }, { type: 'websocket.accept' }), ws(), [connect])],
  ['WEBSOCKET.sendBeforeAccept', WEBSOCKET_MESSAGES.sendBeforeAccept, () => violation(receives(1, { type: 'websocket.send', text: 'x' }), ws(), [connect])],
  ['WEBSOCKET.sendAfterClose', WEBSOCKET_MESSAGES.sendAfterClose('websocket.send'), () => violation(receives(1, { type: 'websocket.accept' }, { type: 'websocket.close' }, { type: 'websocket.send', text: 'x' }), ws(), [connect])],
  ['WEBSOCKET.textXorBytes both', WEBSOCKET_MESSAGES.textXorBytes('websocket.send'), () => violation(receives(1, { type: 'websocket.accept' }, { type: 'websocket.send', text: 'x', bytes: enc('x') }), ws(), [connect])],
  ['WEBSOCKET.textXorBytes neither', WEBSOCKET_MESSAGES.textXorBytes('websocket.receive'), () => violation(async (_s, receive, send) => { await receive(); await send({ type: 'websocket.accept' }); await receive(); }, ws(), [connect, { type: 'websocket.receive' }])],
  ['WEBSOCKET.receiveBeforeAccept', WEBSOCKET_MESSAGES.receiveBeforeAccept, () => violation(receives(2), ws(), [connect, { type: 'websocket.receive', text: 'x' }])],
  ['WEBSOCKET.badCloseCode', WEBSOCKET_MESSAGES.badCloseCode(1006), () => violation(receives(1, { type: 'websocket.accept' }, { type: 'websocket.close', code: 1006 }), ws(), [connect])],
  ['WEBSOCKET.reasonTooLong', WEBSOCKET_MESSAGES.reasonTooLong(124), () => violation(receives(1, { type: 'websocket.accept' }, { type: 'websocket.close', reason: 'x'.repeat(124) }), ws(), [connect])],
  ['COMMON.notString server event', COMMON_MESSAGES.notString('websocket.disconnect', 'reason'), () => violation(receives(2), ws(), [connect, { type: 'websocket.disconnect', code: 1000 }])],
  ['COMMON.notBytes server event', COMMON_MESSAGES.notBytes('http.request', 'body'), () => violation(receives(1), http(), [{ type: 'http.request', moreBody: false }])],
  ['WEBSOCKET.badDisconnectCode', WEBSOCKET_MESSAGES.badDisconnectCode, () => violation(receives(2), ws(), [connect, { type: 'websocket.disconnect', code: 'x' }])],
  ['WEBSOCKET.receiveAfterDisconnect', WEBSOCKET_MESSAGES.receiveAfterDisconnect('websocket.receive'), () => violation(receives(3), ws(), [connect, { type: 'websocket.disconnect', code: 1000, reason: '' }, { type: 'websocket.receive', text: 'x' }])],
  ['WEBSOCKET.denialNotAdvertised', WEBSOCKET_MESSAGES.denialNotAdvertised, () => violation(receives(1, { type: 'websocket.http.response.start', status: 403 }), ws(), [connect])],
  ['WEBSOCKET.denialAfterAccept', WEBSOCKET_MESSAGES.denialAfterAccept('websocket.http.response.start'), () => violation(receives(1, { type: 'websocket.accept' }, { type: 'websocket.http.response.start', status: 403 }), ws({ 'websocket.http.response': {} }), [connect])],
  ['WEBSOCKET.denialBodyBeforeStart', WEBSOCKET_MESSAGES.denialBodyBeforeStart, () => violation(receives(1, { type: 'websocket.http.response.body' }), ws({ 'websocket.http.response': {} }), [connect])],
  ['WEBSOCKET.denialBadStatus', WEBSOCKET_MESSAGES.denialBadStatus(101), () => violation(receives(1, { type: 'websocket.http.response.start', status: 101 }), ws({ 'websocket.http.response': {} }), [connect])],
  ['WEBSOCKET.denialStartTwice', WEBSOCKET_MESSAGES.denialStartTwice, () => violation(receives(1, { type: 'websocket.http.response.start', status: 403 }, { type: 'websocket.http.response.start', status: 403 }), ws({ 'websocket.http.response': {} }), [connect])],
  ['WEBSOCKET.denialMixed', WEBSOCKET_MESSAGES.denialMixed('websocket.close'), () => violation(receives(1, { type: 'websocket.http.response.start', status: 403 }, { type: 'websocket.close' }), ws({ 'websocket.http.response': {} }), [connect])],

  // async §5
  ['LIFESPAN.completeBeforeStartup', LIFESPAN_MESSAGES.completeBeforeStartup('lifespan.startup.complete'), () => violation(sends({ type: 'lifespan.startup.complete' }), lifespan())],
  ['LIFESPAN.startupAnsweredTwice', LIFESPAN_MESSAGES.startupAnsweredTwice('lifespan.startup.failed'), () => violation(receives(1, { type: 'lifespan.startup.complete' }, { type: 'lifespan.startup.failed' }), lifespan(), [{ type: 'lifespan.startup' }])],
  ['LIFESPAN.shutdownBeforeShutdown', LIFESPAN_MESSAGES.shutdownBeforeShutdown('lifespan.shutdown.complete'), () => violation(receives(1, { type: 'lifespan.startup.complete' }, { type: 'lifespan.shutdown.complete' }), lifespan(), [{ type: 'lifespan.startup' }])],
  ['LIFESPAN.shutdownAnsweredTwice', LIFESPAN_MESSAGES.shutdownAnsweredTwice('lifespan.shutdown.complete'), () => violation(async (s, receive, send) => { await receive(); await send({ type: 'lifespan.startup.complete' }); await receive(); await send({ type: 'lifespan.shutdown.complete' }); await send({ type: 'lifespan.shutdown.complete' }); }, lifespan(), [{ type: 'lifespan.startup' }, { type: 'lifespan.shutdown' }])],
  ['LIFESPAN.startupTwice', LIFESPAN_MESSAGES.startupTwice, () => violation(receives(2), lifespan(), [{ type: 'lifespan.startup' }, { type: 'lifespan.startup' }])],
  ['LIFESPAN.shutdownBeforeStartup', LIFESPAN_MESSAGES.shutdownBeforeStartup, () => violation(receives(1), lifespan(), [{ type: 'lifespan.shutdown' }])],
  ['LIFESPAN.shutdownTwice', LIFESPAN_MESSAGES.shutdownTwice, () => violation(async (_s, receive, send) => { await receive(); await send({ type: 'lifespan.startup.complete' }); await receive(); await receive(); }, lifespan(), [{ type: 'lifespan.startup' }, { type: 'lifespan.shutdown' }, { type: 'lifespan.shutdown' }])],
  ['LIFESPAN.badMessage', LIFESPAN_MESSAGES.badMessage('lifespan.startup.failed'), () => violation(receives(1, { type: 'lifespan.startup.failed', message: 42 }), lifespan(), [{ type: 'lifespan.startup' }])],
];

describe('validate', () => {
  it.each(cases)('raises %s with its message', async (_rule, message, run) => {
    const error = await run();
    expect(isAsyncSpecError(error)).toBe(true);
    expect((error as Error).message).toBe(message);
    expect((error as { section: string }).section).toMatch(/^\d(\.\d+)*$/);
  });

  it('covers every message constant with a violating app', () => {
    const covered = new Set(cases.map(([rule]) => rule.split(' ')[0]));
    // Checked elsewhere: createScope (underscoreHeader, badTarget, badRequestHeader*), the cycles (clientDisconnected), createLifespan
    // (returnedBeforeStartup, timedOut, badMode, badTimeout), and validate(non-function) below.
    const elsewhere = [
      ...['COMMON.underscoreHeader', 'COMMON.clientDisconnected', 'COMMON.notAFunction'],
      ...['HTTP.badTarget', 'HTTP.badMethod', 'HTTP.badRequestHeaderName', 'HTTP.badRequestHeaderValue'],
      ...['LIFESPAN.returnedBeforeStartup', 'LIFESPAN.timedOut', 'LIFESPAN.badMode', 'LIFESPAN.badTimeout'],
    ];
    const all = [
      ...Object.keys(COMMON_MESSAGES).map((key) => `COMMON.${key}`),
      ...Object.keys(HTTP_MESSAGES).map((key) => `HTTP.${key}`),
      ...Object.keys(WEBSOCKET_MESSAGES).map((key) => `WEBSOCKET.${key}`),
      ...Object.keys(LIFESPAN_MESSAGES).map((key) => `LIFESPAN.${key}`),
    ];
    expect(all.filter((key) => !covered.has(key) && !elsewhere.includes(key))).toEqual([]);
  });

  it('raises a violation the app caught again at its next send and when it returns', async () => {
    const rejections: string[] = [];
    const app: AsyncApp = async (_scope, _receive, send) => {
      await send({ ...start, status: 99 }).catch((error: Error) => void rejections.push(error.message));
      await send(start).catch((error: Error) => void rejections.push(error.message));
    };
    const error = await violation(app, http());
    expect(rejections).toEqual([HTTP_MESSAGES.badStatus(99), HTTP_MESSAGES.badStatus(99)]);
    expect((error as Error).message).toBe(HTTP_MESSAGES.badStatus(99));
  });

  it('refuses something that is not a function', () => {
    expect(() => validate(42 as unknown as AsyncApp)).toThrow(COMMON_MESSAGES.notAFunction);
  });

  it('accepts a lower-case method: methods are case-sensitive tokens, not upper-case ones', async () => {
    expect(await violation(ok, http({}, 'get'), [{ type: 'http.request', body: enc(''), moreBody: false }])).toBeUndefined();
  });

  it('passes a correct app through untouched', async () => {
    const sent: unknown[] = [];
    await validate(ok)(http(), () => Promise.resolve({ type: 'http.request', body: enc(''), moreBody: false }), (event) => {
      sent.push(event);
      return Promise.resolve();
    });
    expect(sent).toEqual([start, { type: 'http.response.body' }]);
  });

  it('lets an app return early once the client has disconnected', async () => {
    const app: AsyncApp = async (_s, receive, send) => {
      await send(start);
      await send({ type: 'http.response.body', moreBody: true }).catch(() => undefined);
      void receive;
    };
    const error = await violation(app, http(), [], (event) =>
      event.type === 'http.response.body' ? Promise.reject(new ClientDisconnected()) : Promise.resolve(),
    );
    expect(error).toBeUndefined();
  });

  it('checks HEAD responses without holding them to content-length', async () => {
    const app = sends({ ...start, headers: [['content-length', '10']] }, { type: 'http.response.body' });
    expect(await violation(app, http({}, 'HEAD'))).toBeUndefined();
  });

  it('accepts a full WebSocket conversation and a lifespan cycle', async () => {
    const chat: AsyncApp = async (_s, receive, send) => {
      await receive();
      await send({ type: 'websocket.accept', subprotocol: 'v1' });
      const message = await receive();
      if (message.type === 'websocket.receive') await send({ type: 'websocket.send', text: message.text ?? '' });
      await send({ type: 'websocket.close', code: 1000, reason: 'done' });
    };
    expect(await violation(chat, ws(), [connect, { type: 'websocket.receive', text: 'hi', bytes: null }])).toBeUndefined();
    const life: AsyncApp = async (_s, receive, send) => {
      await receive();
      await send({ type: 'lifespan.startup.complete' });
      await receive();
      await send({ type: 'lifespan.shutdown.complete' });
    };
    expect(await violation(life, lifespan(), [{ type: 'lifespan.startup' }, { type: 'lifespan.shutdown' }])).toBeUndefined();
  });
});
