import { readFileSync, statSync } from 'node:fs';
import { createRouter } from '@tsgi/router';
import { file, staticFiles, type FileSystem } from '@tsgi/router/files';

// The router never touches a file system: the app gives it an adapter (this one is for Node).
export const nodeFs: FileSystem = {
  stat(path) {
    try {
      const s = statSync(path);
      return { size: s.size, mtime: s.mtime, isDirectory: s.isDirectory() };
    } catch {
      return null;
    }
  },
  read: (path, start, end) => readFileSync(path).subarray(start, end),
};

export function filesRouter(root: string) {
  const router = createRouter();
  router.get('/static/*', staticFiles({ fs: nodeFs, root, maxAge: 3600 }));
  router.get('/report', (req) => file(req, `${root}/report.txt`, { fs: nodeFs, download: 'report.txt' }));
  router.get('/logo.svg', (req) => file(req, { bytes: new TextEncoder().encode('<svg/>'), name: 'logo.svg' }));
  return router;
}
