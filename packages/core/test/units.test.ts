import { describe, expect, it } from 'vitest';
import { parseCpuMilli, parseDurationMs, parseGpuMilli, parseMemoryMiB } from '../src/index.js';

describe('unit parsing', () => {
  it.each([
    ['64Gi', 65536],
    ['512Mi', 512],
    ['1Ti', 1048576],
    ['1.5Gi', 1536],
    ['1024Ki', 1],
    ['1G', 954],
    [1073741824, 1024],
  ])('memory %s → %i MiB', (input, mib) => {
    expect(parseMemoryMiB(input)).toEqual({ ok: true, value: mib });
  });

  it.each(['64GB', '-1Gi', 'lots', true])('memory %s is refused', (input) => {
    expect(parseMemoryMiB(input).ok).toBe(false);
  });

  it.each([
    [8, 8000],
    [0.5, 500],
    ['500m', 500],
    ['2', 2000],
  ])('cpu %s → %i milli', (input, milli) => {
    expect(parseCpuMilli(input)).toEqual({ ok: true, value: milli });
  });

  it.each([
    [1, 1000],
    [0.5, 500],
    [0.001, 1],
    [8, 8000],
    [0, 0],
  ])('gpu %s → %i milli', (input, milli) => {
    expect(parseGpuMilli(input)).toEqual({ ok: true, value: milli });
  });

  it.each([
    [1.5, 'a GPU request is a whole number of GPUs or a fraction below 1, got 1.5'],
    [-1, 'a GPU request cannot be negative, got -1'],
    [0.0005, 'a GPU fraction has a precision of 0.001 GPU, got 0.0005'],
    ['1', 'a GPU request is a whole number of GPUs or a fraction below 1, got "1"'],
  ])('gpu %s is refused', (input, reason) => {
    expect(parseGpuMilli(input)).toEqual({ ok: false, reason });
  });

  it.each([
    ['30m', 1_800_000],
    ['2h30m', 9_000_000],
    ['1d', 86_400_000],
    ['90s', 90_000],
  ])('duration %s → %i ms', (input, ms) => {
    expect(parseDurationMs(input)).toEqual({ ok: true, value: ms });
  });

  it.each(['', '5', '2h junk', 'h'])('duration %j is refused', (input) => {
    expect(parseDurationMs(input).ok).toBe(false);
  });
});
