/**
 * The browser scripts Node reads from node_modules, bundled into the Worker as text modules
 * (wrangler.toml `[[rules]] type = "Text"`): a Worker has no node_modules to read at run time.
 * Text modules are uploaded beside the script and loaded as strings, never parsed or compiled as
 * JavaScript by the Worker; they do count toward the upload size (test/integration/worker-bundle.test.ts).
 */
import echartsSource from 'echarts/dist/echarts.min.js';
import scalarSource from '@scalar/api-reference/dist/browser/standalone.js';
import type { HttpHost } from '../app/http-routes.ts';

/** The Worker's {@link HttpHost}: the same files as Node's, bundled. */
export const bundledScripts: Pick<HttpHost, 'echartsScript' | 'docsScript'> = {
  echartsScript: async () => echartsSource,
  docsScript: async () => scalarSource,
};
