import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const nodeOnly = /^(node:|fs$|path$|crypto$|stream$|exceljs|pg$|@electric-sql\/pglite|bullmq|ioredis|@slack\/bolt|dingtalk-stream|wechaty|pino$)/;

/** Every module `entry` loads at start-up (static value imports), with the packages they name. */
function staticGraph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else packages.set(spec, file.slice(root.length + 1));
    }
  };
  visit(resolve(root, entry));
  return { files, packages };
}

describe('the admin API stays edge-safe', () => {
  it('loads no node-only module at start-up (the xlsx writer and the docs script reader are injected)', () => {
    const { files, packages } = staticGraph('src/http/api/index.ts');
    expect(files.size).toBeGreaterThan(15);
    const offenders = [...packages].filter(([spec]) => nodeOnly.test(spec));
    expect(offenders).toEqual([]);
  });
});
