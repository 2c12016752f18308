import { describe, expect, it } from 'vitest';
import { rowWindow, scrollToShow } from '../src/ui/virtual-window.js';

describe('rowWindow', () => {
  it('renders only the rows in view plus the overscan, at 20,000 rows', () => {
    const w = rowWindow(20_000, 32, 640, 32 * 10_000, 5);
    expect(w).toEqual({ start: 9995, end: 10_025, offset: 9995 * 32, height: 640_000 });
    expect(w.end - w.start).toBeLessThan(40);
  });

  it('clamps at both ends and copes with an empty or short list', () => {
    expect(rowWindow(100, 10, 200, -50, 2)).toMatchObject({ start: 0, end: 22 });
    expect(rowWindow(100, 10, 200, 99_999, 2)).toMatchObject({ start: 78, end: 100 });
    expect(rowWindow(0, 10, 200, 0)).toEqual({ start: 0, end: 0, offset: 0, height: 0 });
    expect(rowWindow(3, 10, 200, 0)).toMatchObject({ start: 0, end: 3 });
  });
});

describe('scrollToShow', () => {
  it('scrolls as little as needed to show a row', () => {
    expect(scrollToShow(5, 10, 100, 0)).toBe(0);
    expect(scrollToShow(12, 10, 100, 0)).toBe(30);
    expect(scrollToShow(2, 10, 100, 50)).toBe(20);
  });
});
