import { describe, expect, it } from 'vitest';
import type { Point } from '../../src/report/point.js';
import { toSegments } from '../../src/report/segments.js';

describe('segments', () => {
  const cases: [string, Point[], boolean, Point[][]][] = [
    ['no points', [], false, []],
    ['one point', [[1, 2]], false, [[[1, 2]]]],
    [
      'a NaN y breaks the line',
      [
        [0, 1],
        [1, NaN],
        [2, 3],
        [3, 4],
      ],
      false,
      [
        [[0, 1]],
        [
          [2, 3],
          [3, 4],
        ],
      ],
    ],
    [
      'a NaN x is skipped too',
      [
        [0, 1],
        [NaN, 2],
        [2, 3],
      ],
      false,
      [[[0, 1]], [[2, 3]]],
    ],
    [
      'infinities break it',
      [
        [0, Infinity],
        [1, 1],
        [2, -Infinity],
      ],
      false,
      [[[1, 1]]],
    ],
    [
      'all NaN',
      [
        [NaN, NaN],
        [1, NaN],
      ],
      false,
      [],
    ],
    [
      'a step holds each value',
      [
        [0, 1],
        [2, 3],
        [5, 3],
        [6, 0],
      ],
      true,
      [
        [
          [0, 1],
          [2, 1],
          [2, 3],
          [5, 3],
          [6, 3],
          [6, 0],
        ],
      ],
    ],
    [
      'a step ends at the break',
      [
        [0, 1],
        [2, NaN],
        [3, 2],
      ],
      true,
      [
        [
          [0, 1],
          [2, 1],
        ],
        [[3, 2]],
      ],
    ],
  ];
  it.each(cases)('%s', (_, points, step, segments) => {
    expect(toSegments(points, step)).toEqual(segments);
  });
});
