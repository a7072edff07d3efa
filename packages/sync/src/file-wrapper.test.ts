import { describe, expect, it } from 'vitest';
import { decodeUtf8, encodeUtf8 } from './bytes.js';
import { callApp } from './call-app.js';
import { createEnviron } from './environ.js';
import { createFileWrapperFactory, isFileWrapper } from './file-wrapper.js';
import { startApp } from './start-app.js';
import type { SyncApp } from './types.js';

const factory = createFileWrapperFactory((file, { offset, count, blockSize }) => {
  const content = encodeUtf8(`contents of ${String(file)}`);
  const slice = content.subarray(offset, count === undefined ? undefined : offset + count);
  const blocks: Uint8Array[] = [];
  for (let i = 0; i < slice.length; i += blockSize) blocks.push(slice.subarray(i, i + blockSize));
  return blocks;
});

describe('file wrappers', () => {
  it('are recognised by their brand, not their shape', () => {
    expect(isFileWrapper(factory('/f'))).toBe(true);
    expect(isFileWrapper({ file: '/f', blockSize: 1, [Symbol.iterator]: () => [][Symbol.iterator]() })).toBe(false);
    expect(isFileWrapper(null)).toBe(false);
  });

  it('iterate the requested range in blocks when a server cannot send the file directly', () => {
    expect([...factory('/f', 4, { offset: 3, count: 9 })].map(decodeUtf8)).toEqual(['tent', 's of', ' ']);
  });

  it('are iterated like any body once middleware wraps them', () => {
    const app: SyncApp = (environ, start) => {
      start('200 OK', []);
      const wrapper = factory('/f');
      return { [Symbol.iterator]: () => wrapper[Symbol.iterator]() };
    };
    const response = startApp(app, createEnviron({ method: 'GET', target: '/', headers: [], fileWrapper: factory }));
    expect(response.fileWrapper).toBeUndefined();
    response.close();
  });

  it('are iterated after write() output, so nothing is sent out of order', () => {
    const app: SyncApp = (_, start) => {
      start('200 OK', [])(encodeUtf8('> '));
      return factory('/f');
    };
    const response = startApp(app, createEnviron({ method: 'GET', target: '/', headers: [] }));
    expect(response.fileWrapper).toBeUndefined();
    response.close();
    expect(callApp(app).text).toBe('> contents of /f');
  });

  it('reach the app through tsgi.file_wrapper', () => {
    const app: SyncApp = (environ, start) => {
      start('200 OK', []);
      const make = environ['tsgi.file_wrapper'];
      return make ? make('/srv/x') : [encodeUtf8('fallback')];
    };
    expect(callApp(app, { fileWrapper: factory }).text).toBe('contents of /srv/x');
    expect(callApp(app).text).toBe('fallback');
  });
});
