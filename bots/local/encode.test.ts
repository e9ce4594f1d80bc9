import { describe, expect, it } from 'vitest';
import { samplePage } from '../../test/support/sample-page.ts';
import { encodeLocalMessage } from './encode.ts';

describe('local chat with sections and quick answers', () => {
  it('keeps the whole text (every section) and the choices with their question id', () => {
    const page = samplePage('en-US');
    const rendered = encodeLocalMessage(page);
    expect(rendered.text).toBe(page.text);
    for (const section of page.sections!) for (const line of section.lines) expect(rendered.text).toContain(line);
    expect(rendered.choices).toEqual([{ label: 'Next page (2/3)', reply: 'next page' }]);
    expect(rendered.questionId).toBe(page.questionId);
  });
});
