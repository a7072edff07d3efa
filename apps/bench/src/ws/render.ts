// The WebSocket section: echo throughput and memory per idle connection, and the echo target.
import { formatBytes, formatRate, formatRatio } from '../format.js';
import { renderTable } from '../report/markdown-table.js';
import { renderBarChart } from '../report/svg-bar-chart.js';
import { atLeast } from '../report/targets.js';
import { median, ratio } from '../stats.js';
import { chartLink, type Chart, type Section } from '../suite.js';
import type { WsContenderResult, WsResults } from './run.js';

/** The id ratios are taken against. */
export const WS_BASELINE_ID = 'ws';

function missing(contender: WsContenderResult): string | null {
  if (contender.unavailable) return contender.unavailable;
  if (contender.echo.length === 0) return contender.failure ? `failed: ${contender.failure}` : 'not measured';
  return null;
}

function medianOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : median(values);
}

/** Renders the WebSocket section. */
export function renderWs(results: WsResults): Section {
  const baseline = medianOf(results.contenders.find((c) => c.id === WS_BASELINE_ID)?.echo ?? []);
  const rows = results.contenders.map((c) => {
    const why = missing(c);
    if (why) return [c.label, why, '—', '—'];
    const echo = medianOf(c.echo) as number;
    const perConnection = medianOf(c.bytesPerConnection);
    return [c.label, formatRate(echo), formatRatio(ratio(echo, baseline)), perConnection == null ? '—' : formatBytes(perConnection)];
  });
  const chart: Chart = {
    file: 'ws-echo.svg',
    svg: renderBarChart({
      title: 'WebSocket echo',
      subtitle: `messages per second, ${results.clients} connections ping-ponging 64-byte messages, median of ${results.rounds} run(s); longer is better`,
      bars: results.contenders.map((c) => {
        const value = missing(c) ? null : medianOf(c.echo);
        return { label: c.label, value, valueLabel: value == null ? (missing(c) ?? '—') : `${formatRate(value)} (${formatRatio(ratio(value, baseline))})`, kind: c.kind };
      }),
    }),
  };
  const memoryChart: Chart = {
    file: 'ws-idle-memory.svg',
    svg: renderBarChart({
      title: 'WebSocket memory per idle connection',
      subtitle: `server RSS growth ÷ connections, ${results.idleConnections.toLocaleString('en-US')} idle connections; shorter is better`,
      bars: results.contenders.map((c) => {
        const value = missing(c) ? null : medianOf(c.bytesPerConnection);
        return { label: c.label, value, valueLabel: value == null ? (missing(c) ?? '—') : formatBytes(value), kind: c.kind };
      }),
    }),
  };
  const tsgi = results.contenders.find((c) => c.id === 'tsgi-ws');
  const why = tsgi ? missing(tsgi) : 'pending: no tsgi WebSocket contender';
  const value = why ? null : ratio(medianOf(tsgi?.echo ?? []), baseline);
  const markdown = [
    '## WebSocket',
    '',
    `Echo: a client process on core 0 opens ${results.clients} connections to the server on core 1; each sends a 64-byte text message and sends the next when the echo arrives. ` +
      `After a warm-up of a fifth of the run, messages are counted for ${results.durationS} s. ` +
      `Idle memory (first round only): the server's resident memory is read before and after a client opens ${results.idleConnections.toLocaleString('en-US')} idle connections to it (the descriptor limit is raised for both processes with \`ulimit -n\`); the growth is divided by the connection count. 127.0.0.1 only.`,
    '',
    renderTable(['Server', 'echo msg/s (median)', 'vs raw ws', 'memory per idle connection'], rows),
    '',
    chartLink(chart, 'WebSocket echo'),
    '',
    chartLink(memoryChart, 'WebSocket memory per idle connection'),
    '',
  ].join('\n');
  return {
    markdown,
    charts: [chart, memoryChart],
    targets: [atLeast('WebSocket echo vs raw ws', 'messages/s ≥ 0.95× raw ws', value == null ? { pending: why ?? 'not measured' } : { value }, 0.95, (v) => `${formatRatio(v)} raw ws`)],
  };
}
