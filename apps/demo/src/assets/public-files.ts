// Where the page's static files come from: a file-system adapter for @tsgi/router/files, and the
// folder as that adapter names it. Each target picks one (README.md in this folder).
import type { FileSystem } from '@tsgi/router/files';

/** The files under public/, as staticFiles() reads them. */
export interface PublicFiles {
  fs: FileSystem;
  /** The folder holding index.html, app.js and style.css, in `fs`'s names. */
  root: string;
}
