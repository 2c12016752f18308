import { describe, expect, it } from 'vitest';
import { Collection } from '../src/data/collection.js';

const doc = (name: string, rv: number, value = '') => ({
  metadata: { name, resourceVersion: String(rv) },
  value,
});

describe('Collection', () => {
  it('keeps the newest version of each name from watch changes', () => {
    const c = new Collection<ReturnType<typeof doc>>();
    c.reset([doc('a', 1), doc('b', 2)]);
    expect(c.apply('MODIFIED', doc('a', 5, 'new'))).toBe(true);
    expect(c.apply('MODIFIED', doc('a', 3, 'stale'))).toBe(false);
    expect(c.get('a')?.value).toBe('new');
    c.apply('DELETED', doc('b', 6));
    expect(c.all().map((d) => d.metadata.name)).toEqual(['a']);
  });

  it('does not let a list taken during the watch undo newer changes or deletions', () => {
    const c = new Collection<ReturnType<typeof doc>>();
    c.beginSync();
    c.apply('ADDED', doc('new', 10));
    c.apply('MODIFIED', doc('a', 9, 'watched'));
    c.apply('DELETED', doc('gone', 8));
    // The list was read before those changes were made.
    c.reset([doc('a', 4, 'listed'), doc('gone', 7), doc('old', 3)]);
    expect(c.all().map((d) => `${d.metadata.name}:${d.value}`)).toEqual([
      'a:watched',
      'new:',
      'old:',
    ]);
  });

  it('lets a list newer than a change the watch sent before it win', () => {
    const c = new Collection<ReturnType<typeof doc>>();
    c.beginSync();
    c.apply('MODIFIED', doc('a', 4, 'watched'));
    c.reset([doc('a', 6, 'listed')]);
    expect(c.get('a')?.value).toBe('listed');
  });

  it('moves its version on every change and sorts by name', () => {
    const c = new Collection<ReturnType<typeof doc>>();
    const v = c.version;
    c.reset([doc('b', 1), doc('a', 2)]);
    expect(c.version).toBeGreaterThan(v);
    expect(c.all().map((d) => d.metadata.name)).toEqual(['a', 'b']);
    expect(c.all()).toBe(c.all());
  });
});
