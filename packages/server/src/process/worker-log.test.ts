import { describe, expect, it } from 'vitest';
import { workerLogSink } from './worker-log.js';

describe('workerLogSink', () => {
  it('names the worker after the level in text lines', () => {
    const lines: string[] = [];
    workerLogSink('text', 4242, (line) => lines.push(line))('tsgi [info] listening on http://127.0.0.1:8000\n');
    expect(lines).toEqual(['tsgi [info] worker 4242: listening on http://127.0.0.1:8000\n']);
  });

  it('adds a worker key to JSON lines', () => {
    const lines: string[] = [];
    workerLogSink('json', 4242, (line) => lines.push(line))('{"level":"info","message":"hi"}\n');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ worker: 4242, level: 'info', message: 'hi' });
  });
});
