import type { Parsed } from '../units.js';

/** Who makes an accelerator. */
export type GpuVendor = 'NVIDIA' | 'AMD' | 'AWS' | 'Intel' | 'Qualcomm';

/** A GPU (or other accelerator) model Roam knows by name. */
export interface GpuModel {
  /** The one spelling used in offerings and shown to people, e.g. `A100-80GB`. */
  readonly name: string;
  readonly vendor: GpuVendor;
  /** Models that differ only in memory share a family (`A100` and `A100-80GB`). */
  readonly family: string;
  /** Memory per GPU in GiB, as the vendor or the cloud states it. */
  readonly memoryGiB: number;
  /** Other spellings seen in cloud catalogs and APIs (matched as {@link gpuModelKey} does). */
  readonly aliases: readonly string[];
}

const model = (
  name: string,
  vendor: GpuVendor,
  memoryGiB: number,
  aliases: readonly string[] = [],
  family = name,
): GpuModel => ({ name, vendor, family, memoryGiB, aliases });

/**
 * The accelerators Roam knows, newest first within a vendor. Memory is per GPU: the
 * vendor's figure, or the cloud's where the cloud sells a variant (AWS and GCP list B200
 * with 180 GB). Azure's NC H100 v5 sizes carry the 94 GB H100 NVL; it is spelled `H100`
 * like the SXM part, as Azure and SkyPilot spell it.
 */
export const GPU_MODELS: readonly GpuModel[] = [
  model('B300', 'NVIDIA', 288),
  model('B200', 'NVIDIA', 180),
  model('H200', 'NVIDIA', 141),
  model('H100', 'NVIDIA', 80, ['H100-SXM', 'H100-MEGA', 'H100-80GB-MEGA', 'H100-NVL']),
  model('A100-80GB', 'NVIDIA', 80, [], 'A100'),
  model('A100', 'NVIDIA', 40),
  model('L40S', 'NVIDIA', 48),
  model('L40', 'NVIDIA', 48),
  model('L4', 'NVIDIA', 24),
  model('A10G', 'NVIDIA', 24),
  model('A10', 'NVIDIA', 24),
  model('RTX-PRO-6000', 'NVIDIA', 96),
  model('T4', 'NVIDIA', 16),
  model('T4G', 'NVIDIA', 16),
  model('V100-32GB', 'NVIDIA', 32, [], 'V100'),
  model('V100', 'NVIDIA', 16),
  model('P100', 'NVIDIA', 16),
  model('P4', 'NVIDIA', 8),
  model('K80', 'NVIDIA', 12),
  model('M60', 'NVIDIA', 8),
  model('K520', 'NVIDIA', 4),
  model('MI300X', 'AMD', 192, ['Instinct MI300X']),
  model('Radeon-Pro-V620', 'AMD', 32, ['V620']),
  model('Radeon-Pro-V520', 'AMD', 8, ['V520']),
  model('Radeon-MI25', 'AMD', 16, ['MI25', 'Radeon Instinct MI25']),
  model('Trainium2', 'AWS', 96),
  model('Trainium', 'AWS', 32),
  model('Inferentia2', 'AWS', 32),
  model('Inferentia', 'AWS', 8),
  model('Gaudi', 'Intel', 32, ['HL-205']),
  model('Qualcomm-AI100', 'Qualcomm', 16, ['Cloud AI 100']),
];

/** Words that say who makes it or what kind of part it is, not which model. */
const NOISE = new Set([
  'nvidia',
  'tesla',
  'grid',
  'amd',
  'aws',
  'intel',
  'habana',
  'qualcomm',
  'tensor',
  'core',
  'gpu',
  'gpus',
  'accelerator',
  'accelerators',
  'sxm4',
  'sxm5',
  'pcie',
  'hbm2',
  'hbm2e',
  'hbm3',
  'hbm3e',
]);

/** The words of a spelling that name the model: lower case, without notes and noise words. */
function modelWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !NOISE.has(word));
}

/**
 * The matching key of a spelling: lower case, without parenthesised notes, vendor words
 * and packaging (`SXM4`, `PCIe`, `HBM3`), and without separators. `NVIDIA Tesla V100`,
 * `nvidia-tesla-v100` and `V100` all give `v100`; `H100-80GB (a3-mega)` gives `h10080gb`.
 */
export function gpuModelKey(text: string): string {
  return modelWords(text).join('');
}

const BY_KEY = new Map<string, GpuModel>();
for (const m of GPU_MODELS)
  for (const spelling of [m.name, ...m.aliases]) BY_KEY.set(gpuModelKey(spelling), m);
const BY_NAME = new Map(GPU_MODELS.map((m) => [m.name, m]));

/** The member of `m`'s family with this much memory per GPU (rounded to whole GiB), if any. */
function variant(m: GpuModel, memoryGiB: number): GpuModel | undefined {
  const gib = Math.round(memoryGiB);
  if (Math.round(m.memoryGiB) === gib) return m;
  return GPU_MODELS.find((o) => o.family === m.family && Math.round(o.memoryGiB) === gib);
}

/**
 * The canonical name of a GPU model written any way a cloud writes it (`h100-80gb`,
 * `NVIDIA A100`, `nvidia-tesla-t4`, `A100-40GB`), case-insensitively; undefined when the
 * model is unknown. A memory size in the name (`-80GB`) picks the family member with that
 * memory; otherwise `memoryGiB`, when given, does: AWS's `NVIDIA A100` with 80 GiB per GPU
 * is `A100-80GB`. A size that no member of the family has is ignored.
 */
export function canonicalGpuModel(text: string, memoryGiB?: number): string | undefined {
  const words = modelWords(text);
  const size = /^(\d+)gb$/.exec(words.at(-1) ?? '');
  const base = size ? BY_KEY.get(words.slice(0, -1).join('')) : undefined;
  if (size && base) return (variant(base, Number(size[1])) ?? base).name;
  const exact = BY_KEY.get(words.join(''));
  if (!exact) return undefined;
  return (memoryGiB === undefined ? exact : (variant(exact, memoryGiB) ?? exact)).name;
}

/**
 * The name an offering carries: the canonical name when the model is known (see
 * {@link canonicalGpuModel}), otherwise the spelling tidied up: parenthesised notes and
 * vendor words dropped, words joined by `-`, upper case (`NVIDIA RTX 5090` → `RTX-5090`).
 */
export function normaliseGpuModel(text: string, memoryGiB?: number): string {
  const known = canonicalGpuModel(text, memoryGiB);
  if (known !== undefined) return known;
  return (modelWords(text).join('-') || text.trim()).toUpperCase();
}

/** What Roam knows about a model by its canonical name, undefined for others. */
export function gpuModelInfo(name: string): GpuModel | undefined {
  return BY_NAME.get(name);
}

/**
 * Resolves a model a person typed: a known model in any spelling, or one of `extra`
 * (models a catalog carries that Roam has no entry for), case-insensitively. The
 * refusal lists every name it would have accepted.
 */
export function resolveGpuModel(text: string, extra: readonly string[] = []): Parsed<string> {
  const known = canonicalGpuModel(text);
  if (known !== undefined) return { ok: true, value: known };
  const key = gpuModelKey(text);
  const other = extra.find((name) => gpuModelKey(name) === key);
  if (key !== '' && other !== undefined) return { ok: true, value: other };
  const names = [...new Set([...GPU_MODELS.map((m) => m.name), ...extra])].sort();
  return {
    ok: false,
    reason: `unknown GPU model ${JSON.stringify(text)}; known: ${names.join(', ')}`,
  };
}
