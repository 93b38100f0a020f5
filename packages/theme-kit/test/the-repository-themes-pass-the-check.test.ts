import { describe, expect, it } from 'vitest';
import { checkThemes, ELEMENT_TOKEN_SET } from '../src/index.js';
import { DEFAULT_THEMES_DIR } from '../src/paths.js';

// The sample brands in themes/ are what the closing note's contrast table shows: each must meet WCAG 2.2 AA
// (SC 1.4.3 text 4.5:1, SC 1.4.11 UI and the focus ring, SC 2.4.7, 3:1) in every scheme it is shown in.
describe('the themes in the repository', () => {
  it('all pass the theme check', async () => {
    const results = await checkThemes(DEFAULT_THEMES_DIR, ELEMENT_TOKEN_SET);
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.flatMap((result) => result.problems)).toEqual([]);
  });
});
