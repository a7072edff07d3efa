// @tsgi/router/files: file responses and static files, through a file-system adapter the app
// supplies (the router itself never touches a file system; docs/router.md: "Files").
export { file } from './file.js';
export type { AsyncFileSystem, FileBytes, FileOptions, FileStat, FileSystem } from './file.js';
export { staticFiles } from './static-files.js';
export type { StaticFilesOptions } from './static-files.js';
