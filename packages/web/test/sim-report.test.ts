import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addSimReports, NO_REPORTS, type SimReports } from '../src/model/sim-report.js';
import {
  alignSeries,
  fillAllocation,
  fillFragmentation,
  replayQueues,
  replayUtilisation,
} from '../src/model/sim-series.js';
import { simRuns } from './sim-runs.js';

describe('simulation reports written by roam sim --out', () => {
  let reports: SimReports = NO_REPORTS;

  beforeAll(() => {
    const { fill, replay } = simRuns();
    reports = addSimReports(
      NO_REPORTS,
      readFileSync(join(fill, 'report.json'), 'utf8'),
      'fill/report.json',
    );
    reports = addSimReports(
      reports,
      readFileSync(join(replay, 'report.json'), 'utf8'),
      'replay/report.json',
    );
  }, 60_000);

  it('reads both experiments, one report per policy', () => {
    expect(reports.fill.map((r) => r.policy)).toEqual(['binpack', 'spread', 'roam']);
    expect(reports.replay.map((r) => r.policy)).toEqual(['binpack', 'spread']);
    expect(reports.replay[0]?.samples.length).toBeGreaterThan(0);
  });

  it('draws the CLI’s charts: allocation against arrived load, GPUs and queues over time', () => {
    const alloc = fillAllocation(reports.fill);
    expect(alloc.lines.map((l) => l.name)).toEqual(['binpack', 'spread', 'roam']);
    expect(alloc.x).toEqual([...alloc.x].sort((a, b) => a - b));
    expect(alloc.lines[0]?.y.length).toBe(alloc.x.length);
    expect(fillFragmentation(reports.fill).lines).toHaveLength(3);
    const util = replayUtilisation(reports.replay);
    expect(util.lines.map((l) => l.name)).toEqual(['binpack', 'spread']);
    expect(
      Math.max(...(util.lines[0]?.y.filter((v): v is number => v !== null) ?? [])),
    ).toBeGreaterThan(0);
    const first = reports.replay[0];
    expect(first && replayQueues(first).lines.map((l) => l.name)).toEqual(['alpha', 'beta']);
  });

  it('tells same-named policies of different runs apart', () => {
    const twice = [...reports.fill, ...reports.fill];
    expect(fillAllocation(twice).lines.map((l) => l.name)).toEqual([
      'binpack',
      'spread',
      'roam',
      'binpack (2)',
      'spread (2)',
      'roam (2)',
    ]);
  });
});

describe('addSimReports', () => {
  it('names the file and what is wrong', () => {
    expect(() => addSimReports(NO_REPORTS, '{', 'a.json')).toThrow(/^a\.json: not JSON/);
    expect(() => addSimReports(NO_REPORTS, '[{"policy":"x"}]', 'b.json')).toThrow(
      /^b\.json \[0\]: not a report of roam sim fill/,
    );
    expect(() => addSimReports(NO_REPORTS, '3', 'c.json')).toThrow(
      /c\.json: a report is an object/,
    );
  });

  it('accepts a replay report printed without its time series (--json)', () => {
    const r = addSimReports(
      NO_REPORTS,
      JSON.stringify({ policy: 'p', jctSeconds: {}, queues: [] }),
      'r.json',
    );
    expect(r.replay[0]?.samples).toEqual([]);
  });
});

describe('alignSeries', () => {
  it('puts lines on the union of their x values with gaps as null', () => {
    expect(
      alignSeries([
        {
          name: 'a',
          points: [
            [0, 1],
            [2, 3],
          ],
        },
        { name: 'b', points: [[1, 5]] },
      ]),
    ).toEqual({
      x: [0, 1, 2],
      lines: [
        { name: 'a', y: [1, null, 3] },
        { name: 'b', y: [null, 5, null] },
      ],
    });
  });
});
