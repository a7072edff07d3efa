// What no Fetch-API runtime can do, whatever the adapter does (docs/deploy/fetch-runtimes.md).
import type { CaseId } from '@tsgi/conformance';

/** Cases every Fetch runtime must declare unsupported, with the reason shown in the test title. */
export const FETCH_UNSUPPORTED: Partial<Record<CaseId, string>> = {
  'http.response.trailers': 'a Fetch Response cannot carry trailers',
  'http.headers.repeated': "Fetch's Headers joins a repeated request field into one value (Fetch §5.2 combine)",
};
