// validate(): wsgiref.validate's counterpart (docs/spec/sync.md §10). It sits between a server and an app
// and throws SyncSpecError, naming the section, at the first thing either does that the spec forbids.
import { SyncSpecError } from '../errors.js';
import * as m from '../messages.js';
import { checkBody } from '../response-body.js';
import type { Environ, SyncApp } from '../types.js';
import { checkedBody } from './body.js';
import { checkEnviron } from './environ.js';
import { ResponseChecks } from './response.js';
import { checkedErrors, checkedInput } from './streams.js';

/**
 * Wraps an app so both sides are checked: the environ and startResponse the server gives, and the status,
 * headers, write() calls, chunks and stream use of the app, plus the server's close()/return() duties.
 * Put it around an app in development and tests; it costs a little on every call.
 *
 * @example
 * const checked = validate(app);
 * callApp(checked, { target: '/' }); // throws SyncSpecError('sync §5.2: ...') if app sends status 200
 */
export function validate(app: SyncApp): SyncApp {
  if (typeof app !== 'function') throw new SyncSpecError(m.APP_NOT_FUNCTION);
  return (...args: unknown[]) => {
    if (args.length !== 2) throw new SyncSpecError(`${m.APP_NOT_FUNCTION}: called with ${args.length} arguments`);
    const [environ, startResponse] = args as [unknown, unknown];
    checkEnviron(environ);
    if (typeof startResponse !== 'function') throw new SyncSpecError(`${m.START_RESPONSE_ARGS}: startResponse is ${typeof startResponse}`);
    const env = environ as Environ;
    const errors = env['tsgi.errors'];
    const length = env.CONTENT_LENGTH === undefined ? undefined : Number(env.CONTENT_LENGTH);
    const checks = new ResponseChecks(env.REQUEST_METHOD);
    const checkedEnv: Environ = {
      ...env,
      'tsgi.input': checkedInput(env['tsgi.input'], length),
      'tsgi.errors': checkedErrors(errors),
    };
    const body: unknown = app(checkedEnv, checks.wrapStart(startResponse as Parameters<SyncApp>[1]));
    checkBody(body);
    return checkedBody(body, checks, errors);
  };
}
