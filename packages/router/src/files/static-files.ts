// Serving a directory through a file-system adapter, safe against path traversal.
import { HttpError } from '../errors.js';
import { isAsyncFunction } from '../internal/kind.js';
import type { RouterRequest } from '../request/request.js';
import { type AsyncFileSystem, type FileOptions, type FileStat, type FileSystem, file } from './file.js';
import { redirect } from '../responses/helpers.js';
import type { RouterResponse } from '../responses/response.js';

/** Where the files are and how to send them. */
export interface StaticFilesOptions extends Omit<FileOptions, 'download' | 'type'> {
  /** The adapter; the router never touches a file system itself. */
  fs: FileSystem | AsyncFileSystem;
  /** The directory, as the adapter names it (e.g. an absolute path). */
  root: string;
  /** The file served for a directory; false serves none. @default 'index.html' */
  index?: string | false;
  /** Serve names starting with '.' (.env, .git). @default false */
  dotfiles?: boolean;
}

// The host already percent-decoded the path once (docs/spec/sync.md §4.6), so '%2e%2e' arrived as
// '..'. What is left encoded here was encoded twice: refuse dots, slashes, backslashes and NUL in that
// form too, in case an adapter decodes again.
const DOUBLE_ENCODED = /%(2e|2f|5c|00)/i;

/**
 * The safe relative segments of `rest`, or null: no '.', '..', or empty segments (a trailing '/'
 * aside), no backslash or NUL, nothing double-encoded, no dotfiles unless allowed.
 *
 * @example
 * safeSegments('css/site.css', false);   // ['css', 'site.css']
 * safeSegments('a/../../etc', false);    // null
 */
export function safeSegments(rest: string, dotfiles: boolean): string[] | null {
  const segments = rest === '' ? [] : rest.split('/');
  if (segments.at(-1) === '') segments.pop();
  for (const seg of segments) {
    if (seg === '' || seg === '.' || seg === '..' || seg.includes('\\') || seg.includes('\0') || DOUBLE_ENCODED.test(seg)) return null;
    if (seg.startsWith('.') && !dotfiles) return null;
  }
  return segments;
}

/**
 * A handler serving files below `root` for a route ending in a wildcard. Missing files, and any
 * path that tries to leave `root`, get 404; a directory gets its index file (after a redirect that
 * adds the trailing slash, so relative links resolve). An `async` adapter makes the handler async.
 *
 * @example
 * router.get('/static/*', staticFiles({ fs: nodeFs, root: '/srv/public', maxAge: 3600 }));
 */
export function staticFiles(options: StaticFilesOptions): (req: RouterRequest) => RouterResponse | Promise<RouterResponse> {
  const { fs, root, index = 'index.html', dotfiles = false } = options;
  const send = { maxAge: options.maxAge, immutable: options.immutable } as FileOptions;
  const notFound = () => new HttpError(404, 'Not Found');

  const serve = (req: RouterRequest, stat: FileStat | null, path: string, rest: string) => {
    if (!stat?.isDirectory) return file(req, path, { ...send, fs: fs as FileSystem });
    if (index === false) throw notFound();
    if (rest !== '' && !rest.endsWith('/')) {
      const query = req.queryString ? `?${req.queryString}` : '';
      return redirect(`${req.rootPath}${req.path}/${query}`, 301);
    }
    return file(req, `${path}/${index}`, { ...send, fs: fs as FileSystem });
  };

  const handler = (req: RouterRequest) => {
    const rest = req.params['*'] ?? '';
    const segments = safeSegments(rest, dotfiles);
    if (segments === null) throw notFound();
    const path = [root.replace(/\/+$/, ''), ...segments].join('/');
    const stat = fs.stat(path);
    return stat instanceof Promise ? stat.then((s) => serve(req, s, path, rest)) : serve(req, stat, path, rest);
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only inspected, never called
  return isAsyncFunction(fs.stat) ? async (req) => handler(req) : handler;
}
