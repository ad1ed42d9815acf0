import { describe, expect, it } from 'vitest';
import { selectedMenuPath } from './route-types';

describe('issue 16: the menu marks the one entry a page belongs to', () => {
  const menu = ['/', '/district', '/district/teachers', '/production/plans', '/training'];
  it('issue 16: a sub-page selects its own entry only, not also the folder above it', () => {
    expect(selectedMenuPath(menu, '/district/teachers')).toBe('/district/teachers');
    expect(selectedMenuPath(menu, '/district')).toBe('/district');
  });
  it('issue 16: a detail page selects the list it came from; a look-alike prefix does not match', () => {
    expect(selectedMenuPath(menu, '/production/plans/6f1c')).toBe('/production/plans');
    expect(selectedMenuPath(menu, '/trainingx')).toBeUndefined();
    expect(selectedMenuPath(menu, '/')).toBe('/');
    expect(selectedMenuPath(menu, '/unknown')).toBeUndefined();
  });
});
