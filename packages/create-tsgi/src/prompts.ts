// Questions on a terminal or any stream, with node:readline (no dependencies).
import { createInterface } from 'node:readline';
import { ScaffoldError } from './errors.js';
import { MESSAGES } from './messages.js';
import { TARGETS, TARGET_NAMES, isTarget, type Target } from './targets.js';
import { validateProjectName } from './validate-name.js';

/** Where questions are asked and answered. */
export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Line editing and Ctrl-C handling for a TTY. @default false */
  terminal?: boolean;
}

/** Asks one question at a time; `close()` releases the input. */
export interface Prompter {
  /** Shows `question`, resolves with the trimmed answer, or `fallback` for an empty one. */
  ask(question: string, fallback: string): Promise<string>;
  /** Writes a line that is not a question (a hint, a correction). */
  say(line: string): void;
  close(): void;
}

/**
 * A prompter over streams. Lines that arrive before their question (a piped answer file) wait
 * for it; a closed input (end of file, Ctrl-C) rejects with ScaffoldError code 'cancelled'.
 *
 * @example
 * const prompter = createPrompter({ input: process.stdin, output: process.stdout, terminal: true });
 * const name = await prompter.ask('Project name', 'my-tsgi-app');
 */
export function createPrompter(streams: PromptStreams): Prompter {
  const rl = createInterface({ input: streams.input, output: streams.output, terminal: streams.terminal ?? false });
  // Created at once so no line is emitted before anyone listens; it queues lines until asked.
  const lines = rl[Symbol.asyncIterator]();
  rl.on('SIGINT', () => rl.close());
  return {
    async ask(question, fallback) {
      rl.setPrompt(`${question} (${fallback}): `);
      rl.prompt();
      const next = await lines.next();
      if (next.done === true) {
        streams.output.write('\n');
        throw new ScaffoldError(MESSAGES.cancelled, { code: 'cancelled' });
      }
      const answer = String(next.value).trim();
      if (streams.terminal !== true) streams.output.write(`${answer}\n`); // a transcript shows the answer
      return answer === '' ? fallback : answer;
    },
    say(line) {
      streams.output.write(`${line}\n`);
    },
    close() {
      rl.close();
    },
  };
}

/** Asks for a project name until it follows npm's package-name rules. */
export async function askProjectName(prompter: Prompter, fallback: string): Promise<string> {
  for (;;) {
    const name = await prompter.ask('Project name', fallback);
    const check = validateProjectName(name);
    if (check.valid) return name;
    prompter.say(`  ${MESSAGES.invalidName(name, check.problems)}`);
  }
}

/** Lists the targets and asks for one by number or name until the answer is one of them. */
export async function askTarget(prompter: Prompter, fallback: Target = 'server'): Promise<Target> {
  prompter.say('Where will it run?');
  const width = Math.max(...TARGET_NAMES.map((name) => name.length));
  TARGET_NAMES.forEach((name, index) => prompter.say(`  ${index + 1}) ${name.padEnd(width)}  ${TARGETS[name].description}`));
  for (;;) {
    const answer = (await prompter.ask(`Target (1-${TARGET_NAMES.length} or a name)`, fallback)).toLowerCase();
    const byNumber = /^\d+$/.test(answer) ? TARGET_NAMES[Number(answer) - 1] : undefined;
    const chosen = byNumber ?? answer;
    if (isTarget(chosen)) return chosen;
    prompter.say(`  ${MESSAGES.chooseTarget}`);
  }
}
