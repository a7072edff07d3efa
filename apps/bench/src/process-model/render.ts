// The process-model section and its two targets.
import { renderTable } from '../report/markdown-table.js';
import { allOf, type TargetRow } from '../report/targets.js';
import type { Section } from '../suite.js';
import type { DrainResult, ProcessModelResults, ReloadResult } from './run.js';

function reloadTarget(reload: ProcessModelResults['reload']): TargetRow {
  const goal = 'SIGHUP under load: every worker replaced, 0 failed requests';
  if ('unavailable' in reload) return allOf('SIGHUP reload', goal, [{ pending: reload.unavailable }]);
  return allOf('SIGHUP reload', goal, [
    { ok: reload.replaced, text: reload.replaced ? 'workers replaced' : 'workers NOT replaced' },
    { ok: reload.failures === 0, text: `${reload.failures} failed of ${reload.requests.toLocaleString('en-US')} requests` },
  ]);
}

function drainTarget(drain: ProcessModelResults['drain']): TargetRow {
  const goal = 'SIGTERM with requests in flight: all complete, clean exit';
  if ('unavailable' in drain) return allOf('SIGTERM drain', goal, [{ pending: drain.unavailable }]);
  return allOf('SIGTERM drain', goal, [
    { ok: drain.completed === drain.inFlight, text: `${drain.completed} of ${drain.inFlight} completed` },
    { ok: drain.exitCode === 0, text: `exit code ${drain.exitCode}` },
  ]);
}

function reloadRow(reload: ReloadResult | { unavailable: string }): string[] {
  if ('unavailable' in reload) return ['SIGHUP reload', reload.unavailable, '—'];
  return [`SIGHUP reload (${reload.workers} workers)`, `${reload.failures} failed of ${reload.requests.toLocaleString('en-US')}`, reload.replaced ? 'every worker replaced' : 'workers not replaced'];
}

function drainRow(drain: DrainResult | { unavailable: string }): string[] {
  if ('unavailable' in drain) return ['SIGTERM drain', drain.unavailable, '—'];
  return [`SIGTERM drain (${drain.inFlight} in flight)`, `${drain.completed} of ${drain.inFlight} completed${drain.firstFailure ? ` (first failure: ${drain.firstFailure})` : ''}`, `exit code ${drain.exitCode}`];
}

/** Renders the process-model section. */
export function renderProcessModel(results: ProcessModelResults): Section {
  const markdown = [
    '## Process model: reload and graceful shutdown',
    '',
    'SIGHUP: `tsgi serve --workers 2` under wrk load (32 connections) gets SIGHUP a third of the way in; every worker process must be replaced and no request may fail (wrk counts socket errors, timeouts and error statuses). ' +
      'SIGTERM: requests to a route that answers its headers and first byte at once and finishes 1.5 s later are opened; once every one has its first byte, the server gets SIGTERM; every response must complete and the server exit 0.',
    '',
    renderTable(['Check', 'Result', 'Detail'], [reloadRow(results.reload), drainRow(results.drain)], ['left', 'left', 'left']),
    '',
  ].join('\n');
  return { markdown, charts: [], targets: [reloadTarget(results.reload), drainTarget(results.drain)] };
}
