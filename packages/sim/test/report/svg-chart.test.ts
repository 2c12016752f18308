import { describe, expect, it } from 'vitest';
import type { LineChartSpec, LineSeries } from '../../src/report/chart-spec.js';
import { lineChart } from '../../src/report/svg-chart.js';
import { OKABE_ITO } from '../../src/report/palette.js';
import { parseXml } from './well-formed.js';

function chart(series: LineSeries[], extra: Partial<LineChartSpec> = {}): string {
  return lineChart({
    title: 'GPU allocation',
    x: { label: 'arrived load (%)' },
    y: { label: 'allocation (%)' },
    series,
    ...extra,
  });
}

/** The text content of every <text> element, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, t = '']) =>
    t
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** The number of points drawn by every path's `d`. */
function pathPoints(svg: string): number {
  return [...svg.matchAll(/ d="([^"]*)"/g)].reduce(
    (n, [, d = '']) => n + (d.match(/[ML]/g) ?? []).length,
    0,
  );
}

const policies: LineSeries[] = ['FGD', 'Best-fit', 'Random-fit'].map((name, i) => ({
  name,
  points: Array.from({ length: 27 }, (_, k) => [k * 5, Math.min(k * 5, 80 + i * 5)] as const),
}));

describe('line charts', () => {
  it('is a standalone, well-formed SVG document with its size', () => {
    const svg = chart(policies, { width: 640, height: 400 });
    const [root] = parseXml(svg);
    expect(root?.name).toBe('svg');
    expect(root?.attributes.get('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root?.attributes.get('width')).toBe('640');
    expect(root?.attributes.get('height')).toBe('400');
    expect(root?.attributes.get('viewBox')).toBe('0 0 640 400');
    expect(root?.attributes.get('font-family')).toMatch(/^DejaVu Sans,/);
  });

  it('shows the title, subtitle, axis labels, ticks and every legend name', () => {
    const svg = chart(policies, {
      subtitle: 'Alibaba trace',
      x: { label: 'arrived load (%)', min: 0, max: 130 },
    });
    const shown = texts(svg);
    for (const text of [
      'GPU allocation',
      'Alibaba trace',
      'arrived load (%)',
      'allocation (%)',
      'FGD',
      'Best-fit',
      'Random-fit',
    ]) {
      expect(shown).toContain(text);
    }
    for (const tick of ['0', '20', '120']) expect(shown).toContain(tick);
    expect(shown).not.toContain('140');
  });

  it('escapes text everywhere', () => {
    const name = `a<b> & "c" 'd'`;
    const svg = chart(
      [
        {
          name,
          points: [
            [0, 1],
            [1, 2],
          ],
          colour: 'url("#x")&',
        },
      ],
      {
        title: name,
        subtitle: name,
        references: [{ y: 1, label: name }],
      },
    );
    expect(() => parseXml(svg)).not.toThrow();
    expect(texts(svg).filter((t) => t === name)).toHaveLength(4);
    expect(svg).toContain('a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;');
  });

  it('cycles the palette and dashes once colours repeat', () => {
    const many = Array.from({ length: OKABE_ITO.length + 1 }, (_, i): LineSeries => ({
      name: `s${i}`,
      points: [
        [0, i],
        [1, i],
      ],
    }));
    const strokes = [...chart(many).matchAll(/<path [^>]*stroke="([^"]+)"[^>]*>/g)];
    expect(strokes.map(([, colour]) => colour)).toEqual([...OKABE_ITO, OKABE_ITO[0]]);
    expect(strokes.map(([tag]) => tag.includes('stroke-dasharray'))).toEqual([
      ...OKABE_ITO.map(() => false),
      true,
    ]);
  });

  it.each([
    ['no series', [], 'no data'],
    ['an empty series', [{ name: 'empty', points: [] }], 'no data'],
    [
      'only NaN',
      [
        {
          name: 'nan',
          points: [
            [NaN, NaN],
            [1, NaN],
          ],
        },
      ],
      'no data',
    ],
  ] as [string, LineSeries[], string][])('draws axes and says so for %s', (_, series, message) => {
    const svg = chart(series);
    expect(() => parseXml(svg)).not.toThrow();
    expect(texts(svg)).toContain(message);
    expect(svg).not.toContain('NaN');
  });

  it('draws a lone point as a dot and breaks lines at NaN', () => {
    const svg = chart([
      {
        name: 'gappy',
        points: [
          [0, 1],
          [1, 2],
          [2, NaN],
          [3, 2],
          [4, 3],
          [5, NaN],
          [6, 1],
        ],
      },
    ]);
    expect(svg).not.toContain('NaN');
    const d = /<path [^>]*d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });

  it('draws a step series as horizontal then vertical moves', () => {
    const svg = chart([
      {
        name: 'used',
        step: true,
        points: [
          [0, 1],
          [1, 2],
          [2, 0],
        ],
      },
    ]);
    expect(pathPoints(svg)).toBe(5);
  });

  it('decimates long series to pixel resolution and keeps their extremes', () => {
    const points = Array.from(
      { length: 100_000 },
      (_, i) => [i / 500, i === 61_728 ? 250 : (i * 7919) % 100] as const,
    );
    const svg = chart([{ name: 'long', points }], { y: { label: 'used', max: 260 } });
    expect(pathPoints(svg)).toBeLessThan(4 * 800);
    expect(svg.length).toBeLessThan(100_000);
    const ys = [...svg.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map(([, y]) => Number(y));
    const top = Math.min(...ys);
    const bottom = Math.max(...ys);
    expect(bottom - top).toBeGreaterThan(300);
  });

  it('labels reference lines and takes them into the y range', () => {
    const svg = chart(
      [
        {
          name: 'research',
          points: [
            [0, 0.1],
            [1, 0.2],
          ],
        },
      ],
      { references: [{ y: 0.5, label: 'deserved research' }] },
    );
    expect(texts(svg)).toContain('deserved research');
    expect(texts(svg)).toContain('0.5');
  });

  it.each([
    ['short names', 'FGD', undefined, 'right'],
    ['long names', 'a very long policy name that would squeeze the plot area', undefined, 'bottom'],
    ['asked below', 'FGD', 'bottom', 'bottom'],
    ['asked right', 'a very long policy name that would squeeze the plot area', 'right', 'right'],
  ] as const)('puts the legend clear of the plot for %s', (_, name, legend, where) => {
    const svg = chart(
      [
        {
          name,
          points: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
      legend === undefined ? {} : { legend },
    );
    const clip =
      /<clipPath[^>]*><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    const [left, top, width, height] = (clip?.slice(1) ?? []).map(Number);
    const sample = /<line x1="([\d.]+)" y1="([\d.]+)"[^>]*stroke-width="2.5"/.exec(svg);
    const [x, y] = (sample?.slice(1) ?? []).map(Number);
    if (where === 'right') expect(x).toBeGreaterThan((left ?? 0) + (width ?? 0));
    else expect(y).toBeGreaterThan((top ?? 0) + (height ?? 0));
  });

  it('refuses fixed axis ends that are not in order', () => {
    expect(() => chart(policies, { y: { label: 'y', min: 1, max: 1 } })).toThrow(RangeError);
  });
});
