import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isScaffoldError } from './errors.js';
import { MESSAGES, NAME_RULES } from './messages.js';
import { askProjectName, askTarget, createPrompter } from './prompts.js';

// A prompter on in-memory streams: what a user (or a pipe) types goes into `input`.
function session() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const prompter = createPrompter({ input, output });
  return { input, prompter, shown: () => shown };
}

describe('createPrompter', () => {
  it('answers with the typed line, trimmed', async () => {
    const { input, prompter } = session();
    const answer = prompter.ask('Project name', 'my-tsgi-app');
    input.write('  shop  \n');
    await expect(answer).resolves.toBe('shop');
    prompter.close();
  });

  it('answers with the default for an empty line', async () => {
    const { input, prompter, shown } = session();
    input.write('\n');
    await expect(prompter.ask('Project name', 'my-tsgi-app')).resolves.toBe('my-tsgi-app');
    expect(shown()).toContain('Project name (my-tsgi-app): ');
    prompter.close();
  });

  it('keeps lines piped in before their question for the next questions', async () => {
    const { input, prompter } = session();
    input.write('first\nsecond\n');
    expect(await prompter.ask('One', 'x')).toBe('first');
    expect(await prompter.ask('Two', 'y')).toBe('second');
    prompter.close();
  });

  it('rejects with a cancelled ScaffoldError when the input ends unanswered', async () => {
    const { input, prompter } = session();
    input.end();
    const error: unknown = await prompter.ask('Project name', 'x').catch((e: unknown) => e);
    expect(isScaffoldError(error) && error.code).toBe('cancelled');
    expect((error as Error).message).toBe(MESSAGES.cancelled);
    expect(isScaffoldError(error) && error.exitCode).toBe(1);
  });
});

describe('askProjectName', () => {
  it('asks again, saying which rule was broken, until the name is valid', async () => {
    const { input, prompter, shown } = session();
    input.write('My App\nmy-app\n');
    await expect(askProjectName(prompter, 'my-tsgi-app')).resolves.toBe('my-app');
    expect(shown()).toContain(MESSAGES.invalidName('My App', [NAME_RULES.uppercase, NAME_RULES.urlUnsafe]));
    prompter.close();
  });
});

describe('askTarget', () => {
  it('lists every target with a number', async () => {
    const { input, prompter, shown } = session();
    input.write('\n');
    await expect(askTarget(prompter)).resolves.toBe('server');
    expect(shown()).toMatch(/1\) server +the tsgi server/);
    expect(shown()).toMatch(/6\) bun +Bun/);
    prompter.close();
  });

  it.each([
    ['3', 'aws-lambda'],
    ['cloudflare-workers', 'cloudflare-workers'],
    ['DENO', 'deno'],
  ])('takes %j as %s', async (typed, target) => {
    const { input, prompter } = session();
    input.write(`${typed}\n`);
    await expect(askTarget(prompter)).resolves.toBe(target);
    prompter.close();
  });

  it('asks again after a number out of range or an unknown name', async () => {
    const { input, prompter, shown } = session();
    input.write('0\n7\nvercel\n2\n');
    await expect(askTarget(prompter)).resolves.toBe('express');
    expect(shown().split(MESSAGES.chooseTarget)).toHaveLength(4);
    prompter.close();
  });
});
