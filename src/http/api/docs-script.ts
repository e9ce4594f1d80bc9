import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: Promise<string | undefined> | undefined;

/**
 * The API reference's browser bundle from node_modules (node only; a Workers build would ship it as
 * an asset instead). Undefined when @scalar/api-reference is not installed.
 */
export function readDocsScript(): Promise<string | undefined> {
  cached ??= (async () => {
    try {
      // The package's `exports` hide dist/browser: find it beside the main entry (dist/index.js).
      const main = createRequire(import.meta.url).resolve('@scalar/api-reference');
      const path = join(dirname(main), 'browser', 'standalone.js');
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  })();
  return cached;
}
