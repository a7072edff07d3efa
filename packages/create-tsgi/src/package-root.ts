// Where this package's files are: src/ and dist/ both sit one level below the package root.
import { fileURLToPath } from 'node:url';

/** The create-tsgi package folder (holds package.json and templates/). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The templates folder: templates/base plus one folder per target. */
export const TEMPLATES_ROOT = fileURLToPath(new URL('../templates/', import.meta.url));
