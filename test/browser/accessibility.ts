import type { Page } from 'playwright-core';

/**
 * Basic accessibility checks on what is visible now, run inside the page:
 * - every control (button, input, select, textarea) has an accessible name (label, aria-label or text);
 * - tap targets are at least 44×44 CSS px (radio buttons are measured by their whole label);
 * - text has at least 4.5:1 contrast with its background (3:1 for large text), WCAG AA.
 * Returns one line per problem; an empty list means the page passed.
 */
export async function checkAccessibility(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const isVisible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;

    const controls = Array.from(document.querySelectorAll('button, input:not([type=hidden]), select, textarea')).filter(isVisible);
    for (const el of controls) {
      const labels = (el as HTMLInputElement).labels ? Array.from((el as HTMLInputElement).labels!) : [];
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => (id ? document.getElementById(id)?.textContent ?? '' : ''))
        .join(' ');
      const name = [el.getAttribute('aria-label'), labelledBy, ...labels.map((l) => l.textContent), el.tagName === 'BUTTON' ? el.textContent : '']
        .join(' ')
        .trim();
      if (!name) problems.push(`unlabelled control ${describe(el)}`);
      const target = (el as HTMLInputElement).type === 'radio' || (el as HTMLInputElement).type === 'checkbox' ? (labels[0] ?? el) : el;
      const box = target.getBoundingClientRect();
      if (box.height < 44 || box.width < 44) problems.push(`small tap target ${describe(target)}: ${Math.round(box.width)}×${Math.round(box.height)}`);
    }

    const parse = (color: string): [number, number, number, number] | undefined => {
      const m = color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : undefined;
    };
    const background = (el: Element | null): [number, number, number] => {
      for (let node = el; node; node = node.parentElement) {
        const c = parse(getComputedStyle(node).backgroundColor);
        if (c && c[3] > 0.5) return [c[0], c[1], c[2]];
      }
      return [255, 255, 255];
    };
    const luminance = ([r, g, b]: [number, number, number]) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const textElements = Array.from(document.querySelectorAll('body *')).filter(
      (el) => isVisible(el) && Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim()),
    );
    for (const el of textElements) {
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      if (!fg) continue;
      const bg = background(el);
      const [l1, l2] = [luminance([fg[0], fg[1], fg[2]]), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) problems.push(`low contrast ${ratio.toFixed(2)}:1 on ${describe(el)}`);
    }
    return problems;
  });
}
