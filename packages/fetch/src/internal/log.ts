// The default log: errors to console.error, warnings to console.warn, quieter levels dropped.
import type { LogFn } from '@tsgi/async';

/** Reports to the console what a host must not swallow. */
export const consoleLog: LogFn = (level, message, error) => {
  const extra = error === undefined ? [] : [error];
  if (level === 'error') console.error(message, ...extra);
  else if (level === 'warn') console.warn(message, ...extra);
};
