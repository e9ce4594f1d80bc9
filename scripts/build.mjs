/**
 * Compiles the long-running entry points (`src/main.ts`, `src/worker.ts`) to plain JavaScript in
 * dist/, which `npm start` and `npm run worker` then run with bare `node`.
 *
 * Why not tsx at run time: its loader runs on a second V8 isolate and keeps every transformed file,
 * about 35 MB of resident memory before the service does anything (measured in `npm run bench`).
 *
 * One ES module bundle per entry, our code only (npm packages stay imports, but for ECharts: see
 * scripts/bundle-options.mjs), with code splitting so the lazily imported parts (platform adapters,
 * PGlite, the chart renderer) stay lazy. Each file is written to a temporary
 * name and renamed into place, so two processes starting at once never read a half-written file.
 */
import { build } from 'esbuild';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist');

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/main.ts', worker: 'src/worker.ts' },
  outdir,
  ...bundleOptions,
  sourcemap: 'linked',
  write: false,
});

for (const file of result.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  await writeFile(temporary, file.contents);
  await rename(temporary, file.path);
}
// Chunks of earlier builds (their names carry a content hash) would otherwise pile up.
const written = new Set(result.outputFiles.map((file) => file.path));
for (const name of await readdir(join(outdir, 'chunks'))) {
  const path = join(outdir, 'chunks', name);
  if (!written.has(path) && !name.endsWith('.tmp')) await rm(path, { force: true });
}
process.stderr.write(`built ${result.outputFiles.filter((f) => f.path.endsWith('.js')).length} files into ${relative(process.cwd(), outdir) || '.'}\n`);
