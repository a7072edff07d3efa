// Type-checks a page's TypeScript blocks against the workspace packages, as a reader would paste
// them: each block is its own module, strict, with this app's node_modules for resolution.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './processes.js';

const APP_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** tsc's error lines for the blocks, `[]` when they all compile. */
export async function typeCheck(blocks: string[], name: string): Promise<string[]> {
  // Inside node_modules/.cache so imports resolve through this app's node_modules, and no lint or
  // typecheck of the app ever sees the files.
  const dir = join(APP_ROOT, 'node_modules', '.cache', `doc-snippets-${name}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const files = blocks.map((block, i) => {
      const file = `block-${i}.ts`;
      writeFileSync(join(dir, file), block.includes('export ') || block.includes('import ') ? block : `${block}\nexport {};\n`);
      return file;
    });
    const tsconfig = {
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2023', 'DOM'], module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], skipLibCheck: true },
      files,
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
    const result = await run(process.execPath, [TSC, '-p', dir], { cwd: dir, timeoutMs: 90_000 });
    return result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
