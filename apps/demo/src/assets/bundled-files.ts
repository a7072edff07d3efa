// public/ compiled into the module: Workers, and the Deno and Bun bundles. The `text` import
// attribute is Bun's and Deno's (--unstable-raw-imports); esbuild reads it through the demo's
// bundler plugin (scripts/bundle.ts).
import appJs from '../../public/app.js' with { type: 'text' };
import indexHtml from '../../public/index.html' with { type: 'text' };
import styleCss from '../../public/style.css' with { type: 'text' };
import { memoryFiles } from './memory-files.js';
import type { PublicFiles } from './public-files.js';

/** The page's files, from inside the bundle. @example router.get('/*', staticFiles(bundledFiles())); */
export const bundledFiles = (): PublicFiles => memoryFiles({ 'index.html': indexHtml, 'app.js': appJs, 'style.css': styleCss });
