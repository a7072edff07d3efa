// One line per response: the combined log format (Apache/nginx), or JSON lines.
import type { ExchangeRecord, NodeRequest } from '@tsgi/node';
import type { LogSink } from './logger.js';

/** Writes the access log line of one exchange. */
export type AccessLog = (req: NodeRequest, record: ExchangeRecord) => void;

// node:http2 drops a stream's socket when the stream closes, before the line is written; an HTTP/2
// request's peer is noted when it arrives.
const http2Peers = new WeakMap<NodeRequest, string>();

/** Notes an HTTP/2 request's peer address for its access log line. */
export function notePeer(req: NodeRequest): void {
  const address = req.socket?.remoteAddress;
  if (address !== undefined) http2Peers.set(req, address);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Builds the access logger.
 *
 * @example
 * // text: 127.0.0.1 - - [21/Nov/2026:12:00:00 +0000] "GET /a?x=1 HTTP/1.1" 200 5 "-" "curl/8.5.0"
 * // json: {"time":"2026-11-21T12:00:00.000Z","client":"127.0.0.1","method":"GET","target":"/a?x=1",
 * //        "protocol":"HTTP/1.1","status":200,"bytes":5,"referer":null,"userAgent":"curl/8.5.0","durationMs":1.2}
 */
export function createAccessLog(format: 'text' | 'json', sink: LogSink): AccessLog {
  return (req, record) => {
    const now = new Date();
    const client = (req.socket?.remoteAddress ?? http2Peers.get(req))?.replace(/^::ffff:(?=\d+\.)/, '') ?? '-';
    const protocol = `HTTP/${req.httpVersion}`;
    const referer = header(req, 'referer');
    const userAgent = header(req, 'user-agent');
    // A response cut short is logged with the status sent, and bytes as far as they went.
    if (format === 'json') {
      sink(`${JSON.stringify({
        time: now.toISOString(), client, method: req.method, target: req.url, protocol,
        status: record.status, bytes: record.bytes, referer: referer ?? null, userAgent: userAgent ?? null,
        durationMs: Math.round((performance.now() - record.started) * 10) / 10, completed: record.completed,
      })}\n`);
      return;
    }
    const line = `${req.method} ${req.url} ${protocol}`;
    const bytes = record.bytes === 0 ? '-' : String(record.bytes);
    sink(`${client} - - [${clf(now)}] "${escape(line)}" ${record.status || '-'} ${bytes} "${escape(referer ?? '-')}" "${escape(userAgent ?? '-')}"\n`);
  };
}

function header(req: NodeRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Apache's escaping: quotes, backslashes and control bytes become \xhh, so a line stays one line. */
function escape(value: string): string {
  let result = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    const unsafe = code < 0x20 || code >= 0x7f || char === '"' || char === '\\';
    result += unsafe && code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  }
  return result;
}

function clf(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
