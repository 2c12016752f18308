import { describe, expect, it } from 'vitest';
import { lineChart, svgToPng } from '../../src/report/index.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const svg = lineChart({
  title: 'GPU utilisation',
  x: { label: 'time (h)' },
  y: { label: 'GPUs in use (%)' },
  series: [
    {
      name: 'used',
      step: true,
      points: [
        [0, 10],
        [1, 60],
        [2, 40],
      ],
    },
  ],
  width: 400,
  height: 240,
});

/** Width and height from a PNG's IHDR chunk, the first after the signature. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('PNG conversion', () => {
  it.each([
    [undefined, 400, 240],
    [800, 800, 480],
    [200, 200, 120],
  ])('width %s gives a %i × %i PNG', (width, w, h) => {
    const png = svgToPng(svg, width === undefined ? {} : { width });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual([w, h]);
  });
});
