import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The CJK font charts are drawn with. Most servers (and these machines) have no Chinese font, and
 * resvg draws a missing glyph as nothing or a box: Legwork brings Noto Sans SC from the npm package
 * @expo-google-fonts/noto-sans-sc (SIL Open Font License, covers Latin too). Where that package is
 * absent (a trimmed deployment), Debian's `fonts-noto-cjk` is the documented alternative.
 */
export interface ChartFont {
  /** Font files resvg loads (system fonts are never scanned: faster and the same on every machine). */
  files: string[];
  family: string;
}

/** Debian/Ubuntu `fonts-noto-cjk`: the system package named in the README. */
const systemCandidates = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc'];

let found: ChartFont | null | undefined;

/** The bundled font, else the system one, else null (charts are then drawn without CJK glyphs). */
export function chartFont(): ChartFont | null {
  if (found !== undefined) return found;
  found = null;
  try {
    const require = createRequire(import.meta.url);
    const file = join(dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')), '400Regular', 'NotoSansSC_400Regular.ttf');
    if (existsSync(file)) found = { files: [file], family: 'Noto Sans SC' };
  } catch {
    // not installed: fall through to the system package
  }
  if (!found) {
    const system = systemCandidates.find((f) => existsSync(f));
    if (system) found = { files: [system], family: 'Noto Sans CJK SC' };
  }
  return found;
}
