import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { LegacyGridContainLabel } from 'echarts/features';
import { Resvg } from '@resvg/resvg-js';
import { chartFont, type ChartFont } from './chart-font.ts';
import { openFontFile, type FontFile } from './font-file.ts';
import { subsetFont } from './font-subset.ts';

// Only what the charts use: the full `echarts` bundle costs far more memory to load.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer, LegacyGridContainLabel]);

/**
 * Charts are laid out for a phone: 500 logical pixels wide, rasterised at 2× density (a 1000 px wide
 * PNG), with labels of 14–18 logical px so they stay readable when the chat shrinks the picture.
 */
export const chartWidth = 500;
export const pixelRatio = 2;
export const background = '#ffffff';

/** An ECharts option (kept loose: ECharts' own types are wide and the builders are typed themselves). */
export type ChartOption = Record<string, unknown>;

/**
 * Renders an ECharts option to PNG bytes with no browser: ECharts' server-side SVG renderer, then
 * resvg. `font: null` renders with no font at all (only for the test that proves the font matters).
 */
export function renderPng(option: ChartOption, size: { height: number }, font: ChartFont | null = chartFont()): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chartWidth, height: size.height });
  let svg: string;
  try {
    // No ECharts background: resvg fills the canvas white itself (a full-size background rect cost
    // ~5 ms of CPU a chart to rasterise, for nothing).
    chart.setOption({ animation: false, textStyle: { fontFamily: font?.family ?? 'sans-serif' }, ...option });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  return rasterise(svg, font);
}

/**
 * SVG → PNG at 2× on a white background with only `font` (a compact subset of the SVG's characters
 * when it is a TrueType file).
 */
export function rasterise(svg: string, font: ChartFont | null): Buffer {
  const options = { fitTo: { mode: 'width' as const, value: chartWidth * pixelRatio }, background };
  if (!font) return toPng(new Resvg(svg, { ...options, font: { loadSystemFonts: false } }));
  const file = fontFile(font);
  if (!file) return toPng(new Resvg(svg, { ...options, font: { fontFiles: font.files, loadSystemFonts: false, defaultFontFamily: font.family } }));
  // resvg (Node) takes fonts only as files: the subset lives in a private temporary file for this render.
  const path = join(subsetDir(), `${randomBytes(8).toString('hex')}.ttf`);
  writeFileSync(path, subsetFont(file, svg));
  try {
    return toPng(new Resvg(svg, { ...options, font: { fontFiles: [path], loadSystemFonts: false, defaultFontFamily: font.family } }));
  } finally {
    rmSync(path, { force: true });
  }
}

/**
 * resvg's own encoder. Encoding `pixels` with Node's zlib at a low level took half the CPU time, but
 * copying the 8 MB of pixels into JavaScript (freed only by a garbage collection) left ~30 MB more
 * resident after a run of charts than this, where Rust frees its copies at once (bench/charts.ts).
 */
function toPng(resvg: Resvg): Buffer {
  return resvg.render().asPng();
}

const fontFiles = new Map<string, FontFile | null>();

/** The font's directory, cmap and metrics, read once per process (under 1 MB; outlines are read per chart). */
function fontFile(font: ChartFont): FontFile | null {
  const path = font.files[0]!;
  if (!fontFiles.has(path)) fontFiles.set(path, font.files.length === 1 && path.endsWith('.ttf') ? openFontFile(path) : null);
  return fontFiles.get(path)!;
}

let dir: string | undefined;
function subsetDir(): string {
  dir ??= join(tmpdir(), `legwork-chart-fonts-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** PNG width and height from the IHDR chunk (for checks and for platforms that want them). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

export const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
