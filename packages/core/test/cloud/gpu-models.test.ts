import { describe, expect, it } from 'vitest';
import {
  canonicalGpuModel,
  GPU_MODELS,
  gpuModelInfo,
  gpuModelKey,
  normaliseGpuModel,
  resolveGpuModel,
} from '../../src/cloud/index.js';

describe('canonicalGpuModel', () => {
  it.each<[string, number | undefined, string | undefined]>([
    // AWS (instances.vantage.sh), with memory per GPU where it decides the variant
    ['NVIDIA H100', 80, 'H100'],
    ['NVIDIA H200', 141, 'H200'],
    ['NVIDIA B200', 180, 'B200'],
    ['NVIDIA A100', 40, 'A100'],
    ['NVIDIA A100', 80, 'A100-80GB'],
    ['NVIDIA Tesla V100', 16, 'V100'],
    ['NVIDIA Tesla V100', 32, 'V100-32GB'],
    ['NVIDIA A10G', 24, 'A10G'],
    ['NVIDIA L4', 24, 'L4'],
    ['NVIDIA L40S', 48, 'L40S'],
    ['NVIDIA T4 Tensor Core', 16, 'T4'],
    ['NVIDIA T4G Tensor Core', 16, 'T4G'],
    ['NVIDIA GRID K520', 4, 'K520'],
    ['AWS Inferentia2', 32, 'Inferentia2'],
    ['Qualcomm AI 100 Accelerators', 16, 'Qualcomm-AI100'],
    ['AMD Radeon Pro V520', 8, 'Radeon-Pro-V520'],
    // GCP keys, readable names and API accelerator types
    ['h100-80gb', undefined, 'H100'],
    ['h100-80gb-mega', undefined, 'H100'],
    ['H100-80GB (a3-mega)', undefined, 'H100'],
    ['nvidia-h100-mega-80gb', undefined, 'H100'],
    ['A100-40GB', undefined, 'A100'],
    ['a100-80gb', undefined, 'A100-80GB'],
    ['nvidia-tesla-a100', undefined, 'A100'],
    ['nvidia-tesla-t4', undefined, 'T4'],
    ['RTX PRO 6000 (g4)', undefined, 'RTX-PRO-6000'],
    // Azure (SkyPilot)
    ['A100', undefined, 'A100'],
    ['A10', undefined, 'A10'],
    ['V100-32GB', undefined, 'V100-32GB'],
    ['Radeon MI25', undefined, 'Radeon-MI25'],
    // case, packaging words, and sizes
    ['h100', undefined, 'H100'],
    ['l40s', undefined, 'L40S'],
    ['A100-SXM4-80GB', undefined, 'A100-80GB'],
    ['H100 80GB HBM3', undefined, 'H100'],
    ['A100-40GB', 80, 'A100'], // the size in the name wins over the memory given
    ['H100', 94, 'H100'], // no H100 family member with 94 GiB: the model stays
    // unknown
    ['rtx6000', undefined, undefined], // GCP's key for the RTX PRO 6000 is not Quadro RTX 6000
    ['H1000', undefined, undefined],
    ['', undefined, undefined],
  ])('%j with %s GiB → %s', (text, memoryGiB, expected) => {
    expect(canonicalGpuModel(text, memoryGiB)).toBe(expected);
  });

  it.each(GPU_MODELS.flatMap((m) => [m.name, ...m.aliases].map((s) => [s, m.name])))(
    'maps %j back to %s',
    (spelling, name) => {
      expect(canonicalGpuModel(spelling)).toBe(name);
    },
  );

  it('has one entry per name and key', () => {
    const keys = GPU_MODELS.flatMap((m) => [m.name, ...m.aliases]).map(gpuModelKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('gpuModelKey', () => {
  it.each([
    ['NVIDIA Tesla V100', 'v100'],
    ['nvidia-tesla-v100', 'v100'],
    ['H100-80GB (a3-mega)', 'h10080gb'],
    ['A100-SXM4-80GB', 'a10080gb'],
  ])('%j → %s', (text, key) => {
    expect(gpuModelKey(text)).toBe(key);
  });
});

describe('normaliseGpuModel', () => {
  it.each([
    ['nvidia-tesla-t4', undefined, 'T4'],
    ['NVIDIA A100', 80, 'A100-80GB'],
    ['NVIDIA RTX 5090', undefined, 'RTX-5090'],
    ['Some Accelerator (preview)', undefined, 'SOME'],
    ['  x  ', undefined, 'X'],
  ])('%j with %s GiB → %s', (text, memoryGiB, expected) => {
    expect(normaliseGpuModel(text, memoryGiB)).toBe(expected);
  });
});

describe('gpuModelInfo', () => {
  it('knows memory per GPU by canonical name only', () => {
    expect(gpuModelInfo('A100-80GB')?.memoryGiB).toBe(80);
    expect(gpuModelInfo('H100')?.vendor).toBe('NVIDIA');
    expect(gpuModelInfo('h100')).toBeUndefined();
  });
});

describe('resolveGpuModel', () => {
  it.each<[string, readonly string[], string]>([
    ['h100-80gb', [], 'H100'],
    ['a100-80gb', [], 'A100-80GB'],
    ['rtx-5090', ['RTX-5090'], 'RTX-5090'],
    ['RTX 5090', ['RTX-5090'], 'RTX-5090'],
  ])('%j (catalog also has %j) → %s', (text, extra, expected) => {
    expect(resolveGpuModel(text, extra)).toEqual({ ok: true, value: expected });
  });

  it('refuses an unknown model, listing every known one', () => {
    const result = resolveGpuModel('H1000', ['RTX-5090']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(
      /^unknown GPU model "H1000"; known: A10, A100, A100-80GB, A10G, B200, /,
    );
    expect(result.reason).toContain(', RTX-5090, ');
    expect(result.reason).toContain(', V100-32GB');
  });

  it('refuses an empty name', () => {
    expect(resolveGpuModel(' ', ['X']).ok).toBe(false);
  });
});
