// The Worker: `env` and `ctx` reach the app as scope.extensions['fetch.platform'].
import { toCloudflareWorker } from '@tsgi/fetch';
import { router } from './app.ts';

export default toCloudflareWorker(router.async);
