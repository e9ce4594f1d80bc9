import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

let cached: Promise<string | undefined> | undefined;

/**
 * The API reference's browser bundle from node_modules (node only; a Workers build would ship it as
 * an asset instead). Undefined when @scalar/api-reference is not installed.
 */
export function readDocsScript(): Promise<string | undefined> {
  cached ??= (async () => {
    try {
      const path = createRequire(import.meta.url).resolve('@scalar/api-reference/dist/browser/standalone.js');
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  })();
  return cached;
}
