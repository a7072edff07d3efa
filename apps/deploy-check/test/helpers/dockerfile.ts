// Performs a simple single-stage Dockerfile's steps in a folder standing for the image, so a test
// can check them without a container runtime: COPY copies from the build context, RUN runs in the
// folder with the ENV so far, CMD is returned for the test to start. FROM, USER and EXPOSE are
// recorded; anything else is refused, so the page cannot outgrow what the test checks.
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv, expectSuccess, run } from './processes.js';

/** What the image would hold besides its files. */
export interface Image {
  from: string;
  env: Record<string, string>;
  exposed: number[];
  stopSignal: string;
  cmd: string[];
}

/** The instructions of a Dockerfile: `[keyword, rest]`, comments and blank lines dropped. */
export function instructions(dockerfile: string): Array<[string, string]> {
  return dockerfile
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.indexOf(' ');
      return [line.slice(0, space).toUpperCase(), line.slice(space + 1).trim()];
    });
}

/** Builds the "image" into `root` from `context`. */
export async function build(dockerfile: string, context: string, root: string): Promise<Image> {
  const image: Image = { from: '', env: {}, exposed: [], stopSignal: 'SIGTERM', cmd: [] };
  mkdirSync(root, { recursive: true });
  for (const [keyword, rest] of instructions(dockerfile)) {
    switch (keyword) {
      case 'FROM':
        image.from = rest;
        break;
      case 'WORKDIR': // `root` is the work dir
      case 'USER':
        break;
      case 'ENV': {
        const [name = '', value = ''] = rest.split('=');
        image.env[name] = value;
        break;
      }
      case 'COPY': {
        const parts = rest.split(/\s+/);
        const destination = parts.pop() ?? '.';
        for (const source of parts) {
          const target = destination.endsWith('/') ? join(root, destination, source.split('/').pop() ?? source) : join(root, destination);
          cpSync(join(context, source), target, { recursive: true });
        }
        break;
      }
      case 'RUN':
        expectSuccess(`RUN ${rest}`, await run('sh', ['-c', rest], { cwd: root, env: childEnv(image.env), timeoutMs: 180_000 }));
        break;
      case 'EXPOSE':
        image.exposed.push(Number(rest));
        break;
      case 'STOPSIGNAL':
        image.stopSignal = rest;
        break;
      case 'CMD':
        image.cmd = JSON.parse(rest) as string[];
        break;
      default:
        throw new Error(`the Dockerfile uses ${keyword}, which this test does not perform: teach helpers/dockerfile.ts`);
    }
  }
  return image;
}
