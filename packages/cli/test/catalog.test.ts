import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roam } from './helpers.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'roam-catalog-'));
const DATA = new URL('../../../../shared/data/cloud-gpu-catalog/', import.meta.url).pathname;
const PUBLIC_FILES = [
  'aws_gpu_instances_2025-11-30.csv',
  'gcp_gpu_machine_types_2026-07-30.csv',
  'gcp_machine_type_zones_2023-05-02.csv',
  'azure_gpu_vms_skypilot_v6.csv',
].map((f) => `${DATA}${f}`);

const AWS_HEADER =
  'cloud,instance_type,family,gpu_model,gpu_count,gpu_memory_gib_total,vcpus,memory_gib,region,ondemand_usd_per_hour,spot_min_usd_per_hour,spot_avg_usd_per_hour,spot_max_usd_per_hour,spot_interruption_band,spot_savings_vs_ondemand_pct';
const P5 = 'aws,p5.48xlarge,GPU instance,NVIDIA H100,8,640,192,2048';

/** A small AWS file in a fresh folder. */
function awsFile(name: string, ...rows: string[]): string {
  const path = join(fresh(), name);
  writeFileSync(path, [AWS_HEADER, ...rows].join('\n'));
  return path;
}

describe('roam offers', () => {
  const dir = fresh();

  it('lists the cheapest matches of the built-in catalog as a table', async () => {
    const r = await roam([
      'offers',
      '--gpu',
      'H100',
      '--count',
      '8',
      '--cloud',
      'azure,gcp',
      '--data-dir',
      dir,
    ]);
    expect(r).toEqual({
      code: 0,
      err: '',
      out: [
        'CLOUD  REGION        INSTANCE TYPE             GPUS    GPU MEM  VCPU  MEMORY  $/H      $/GPU-H  MARKET     INTERRUPTION',
        'gcp    us-central1   a3-highgpu-8g             8×H100  80Gi     208   1872Gi  $88.49   $11.06   on-demand  -',
        'gcp    us-east4      a3-highgpu-8g             8×H100  80Gi     208   1872Gi  $88.56   $11.07   on-demand  -',
        'gcp    us-east4      a3-megagpu-8g             8×H100  80Gi     208   1872Gi  $92.94   $11.62   on-demand  -',
        'azure  eastus        Standard_ND96isr_H100_v5  8×H100  80Gi     96    1900Gi  $98.32   $12.29   on-demand  -',
        'azure  eastus2       Standard_ND96isr_H100_v5  8×H100  80Gi     96    1900Gi  $98.32   $12.29   on-demand  -',
        'gcp    europe-west4  a3-highgpu-8g             8×H100  80Gi     208   1872Gi  $112.54  $14.07   on-demand  -',
        '',
        'prices from roam-builtin-gcp (as of 2026-07-30), roam-builtin-azure (as of 2025)',
        '',
      ].join('\n'),
    });
  });

  it('prices spot by spot prices, accepts aliases and limits the list', async () => {
    const r = await roam([
      'offers',
      '--gpu',
      'h100-80gb',
      '--min-count',
      '8',
      '--spot',
      '--limit',
      '2',
      '-o',
      'wide',
      '--data-dir',
      dir,
    ]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 5)).toEqual([
      'CLOUD  REGION     INSTANCE TYPE  GPUS    GPU MEM  VCPU  MEMORY  $/H     $/GPU-H  MARKET  INTERRUPTION  ON-DEMAND $/H  ZONES  SOURCE',
      'aws    us-east-2  p5.48xlarge    8×H100  80Gi     192   2Ti     $14.00  $1.75    spot    -             $55.04         -      roam-builtin-aws',
      'aws    us-west-2  p5.48xlarge    8×H100  80Gi     192   2Ti     $18.00  $2.25    spot    -             $55.04         -      roam-builtin-aws',
      '',
      '2 of 7 matches shown; --limit 0 shows all',
    ]);
  });

  it('prints JSON in dollars, GiB and vCPUs', async () => {
    const r = await roam([
      'offers',
      '--gpu',
      'T4',
      '--region',
      'eastus',
      '--max-price',
      '1',
      '-o',
      'json',
      '--data-dir',
      dir,
    ]);
    expect(JSON.parse(r.out)).toEqual([
      {
        cloud: 'azure',
        region: 'eastus',
        zones: [],
        instanceType: 'Standard_NC4as_T4_v3',
        gpuModel: 'T4',
        gpuCount: 1,
        gpuMemoryGiB: 16,
        vcpus: 4,
        memoryGiB: 28,
        market: 'on-demand',
        pricePerHour: 0.526,
        pricePerGpuHour: 0.526,
        onDemandPerHour: 0.526,
        spotPerHour: 0.063,
        source: 'roam-builtin-azure',
        asOf: '2025',
      },
    ]);
  });

  it('says so when nothing matches', async () => {
    const r = await roam([
      'offers',
      '--gpu',
      'B300',
      '--spot',
      '--cloud',
      'gcp',
      '--data-dir',
      dir,
    ]);
    expect(r).toEqual({ code: 0, err: '', out: 'no offerings match: B300, spot, on gcp\n' });
  });

  it('refuses an unknown GPU model, listing the known ones', async () => {
    const r = await roam(['offers', '--gpu', 'H1000', '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^roam offers: --gpu: unknown GPU model "H1000"; known: A10, A100, A100-80GB, A10G, B200, B300, .*, V100, V100-32GB\n$/,
    );
  });

  it.each([
    [['--count', '0'], '--count must be a whole number of at least 1, got "0"'],
    [['--count', '1.5'], '--count must be a whole number of at least 1, got "1.5"'],
    [['--count', '8', '--min-count', '4'], '--count and --min-count exclude each other: give one'],
    [['--cloud', 'ibm'], '--cloud must be one of aws, gcp, azure, got "ibm"'],
    [['--max-price', '0'], '--max-price must be a positive number, got "0"'],
    [['--limit', 'all'], '--limit must be a whole number, got "all"'],
    [['-o', 'yaml'], '-o must be json or wide, got yaml'],
    [['--gpu', ','], '--gpu needs a GPU model, e.g. --gpu H100'],
  ])('refuses %j', async (args, message) => {
    const r = await roam(['offers', ...args, '--data-dir', dir]);
    expect(r).toEqual({ code: 2, out: '', err: `roam offers: ${message}\n` });
  });

  it('refuses a region no offering is in, listing the regions', async () => {
    const r = await roam(['offers', '--region', 'mars-1', '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^roam offers: --region: no offering in "mars-1"; regions: ap-northeast-1, asia-northeast1, eastus, /,
    );
  });

  it('refuses a broken catalog file with its problems (exit 1)', async () => {
    const broken = fresh();
    writeFileSync(
      join(broken, 'catalog.json'),
      '{"kind":"RoamOfferingCatalog","version":1,"sources":[],"offerings":3}',
    );
    const r = await roam(['offers', '--data-dir', broken]);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: `${join(broken, 'catalog.json')}: offerings: must be a list, got 3\n`,
    });
  });
});

describe('roam catalog', () => {
  it('imports a file, and offers and show use it over the built-in catalog', async () => {
    const dir = fresh();
    const file = awsFile(
      'aws_2025-12-01.csv',
      `${P5},us-east-1,50,10,12.5,20,<5%,77`,
      `${P5},eu-north-1,48,,,,,`,
      'aws,g6f.large,GPU instance,NVIDIA L4,0.125,3,2,8,us-east-1,0.2,,,,,',
    );
    const imported = await roam(['catalog', 'import', file, '--data-dir', dir]);
    expect(imported).toEqual({
      code: 0,
      err: '',
      out: [
        `${file}: aws-vantage, 2 offerings, as of 2025-12-01; rows left out: a fraction of a GPU (1)`,
        `saved ${join(dir, 'catalog.json')}: 2 imported offerings from 1 source`,
        '',
      ].join('\n'),
    });
    const offers = await roam([
      'offers',
      '--gpu',
      'H100',
      '--count',
      '8',
      '--spot',
      '--cloud',
      'aws',
      '--limit',
      '1',
      '--data-dir',
      dir,
    ]);
    expect(offers.out.split('\n').slice(1, 2)).toEqual([
      'aws    us-east-1  p5.48xlarge    8×H100  80Gi     192   2Ti     $12.50  $1.56    spot    <5%',
    ]);
    expect(offers.out).toContain('prices from aws_2025-12-01.csv (as of 2025-12-01)');
    const show = await roam(['catalog', 'show', '--data-dir', dir]);
    expect(show.code).toBe(0);
    expect(show.out.split('\n').slice(0, 5)).toEqual([
      'SOURCE              AS OF       OFFERINGS  CLOUDS    REGIONS  GPU MODELS',
      'roam-builtin-aws    2025-11-30  27         aws 27    5        A100,A100-80GB,A10G,B200,H100,H200,L4,L40S,T4,V100',
      'roam-builtin-gcp    2026-07-30  23         gcp 23    4        A100,A100-80GB,H100,L4,T4,V100',
      'roam-builtin-azure  2025        23         azure 23  4        A10,A100,A100-80GB,H100,T4,V100,V100-32GB',
      'aws_2025-12-01.csv  2025-12-01  2          aws 2     2        H100',
    ]);
    expect(show.out).toContain(
      `75 offerings: the built-in catalog with ${join(dir, 'catalog.json')} over it`,
    );
    const json = JSON.parse(
      (await roam(['catalog', 'show', '-o', 'json', '--data-dir', dir])).out,
    ) as {
      offerings: number;
      sources: { name: string; offerings: number; byCloud: object }[];
    };
    expect(json.offerings).toBe(75);
    expect(json.sources.at(-1)).toMatchObject({
      name: 'aws_2025-12-01.csv',
      asOf: '2025-12-01',
      offerings: 2,
      byCloud: { aws: 2 },
    });
  });

  it('replaces a file imported again and keeps other imports', async () => {
    const dir = fresh();
    const first = awsFile('a.csv', `${P5},us-east-1,50,,,,,`, `${P5},us-west-2,50,,,,,`);
    const other = awsFile('b.csv', `${P5},eu-north-1,48,,,,,`);
    await roam(['catalog', 'import', first, other, '--data-dir', dir, '--as-of', '2025-12']);
    writeFileSync(first, [AWS_HEADER, `${P5},us-east-1,40,,,,,`].join('\n'));
    const again = await roam(['catalog', 'import', first, '--data-dir', dir]);
    expect(again.out).toContain(
      `saved ${join(dir, 'catalog.json')}: 2 imported offerings from 2 sources`,
    );
    const saved = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as {
      sources: { name: string; asOf?: string }[];
      offerings: { region: string; source: string; onDemandPerHourMicros: number }[];
    };
    expect(saved.sources).toEqual([
      { name: 'a.csv', description: expect.any(String) },
      { name: 'b.csv', description: expect.any(String), asOf: '2025-12' },
    ]);
    expect(saved.offerings.map((o) => [o.source, o.region, o.onDemandPerHourMicros])).toEqual([
      ['b.csv', 'eu-north-1', 48_000_000],
      ['a.csv', 'us-east-1', 40_000_000],
    ]);
  });

  it('reports every malformed row and saves nothing', async () => {
    const dir = fresh();
    const file = awsFile(
      'bad.csv',
      `${P5},us-east-1,55.04,,,,,`,
      `${P5},us-east-1,free,,,,,`,
      `${P5},US,55.04,,,,,`,
    );
    const r = await roam(['catalog', 'import', file, '/no/such/file.csv', '--data-dir', dir]);
    expect(r).toEqual({
      code: 1,
      out: '',
      err: [
        '/no/such/file.csv: cannot read: no such file',
        `${file}:3: ondemand_usd_per_hour: must be a price in USD per hour or empty, got "free"`,
        `${file}:4: region: must be an AWS region such as us-east-1, got "US"`,
        'nothing imported: 3 errors',
        '',
      ].join('\n'),
    });
    expect(existsSync(join(dir, 'catalog.json'))).toBe(false);
  });

  it.each([
    [['catalog'], 2, /^roam catalog: import or show is required\n\nUsage: roam catalog import/],
    [['catalog', 'list'], 2, /^roam catalog: unknown subcommand "list"/],
    [['catalog', 'import'], 2, /^roam catalog: no files given: roam catalog import FILE/],
    [
      ['catalog', 'import', 'x.csv', '--as-of', 'soon'],
      2,
      /^roam catalog: --as-of must be a date YYYY-MM-DD, YYYY-MM or YYYY, got "soon"\n$/,
    ],
    [['catalog', 'show', '-o', 'yaml'], 2, /^roam catalog: -o must be json, got yaml\n$/],
  ])('refuses %j', async (args, code, message) => {
    const r = await roam(args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
  });

  it('prints its help', async () => {
    const r = await roam(['catalog', 'show', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: roam catalog import FILE \[FILE \.\.\.\]/);
  });

  it.skipIf(!PUBLIC_FILES.every((f) => existsSync(f)))(
    'imports the public catalog files',
    async () => {
      const dir = fresh();
      const r = await roam(['catalog', 'import', ...PUBLIC_FILES, '--data-dir', dir]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out.split('\n').map((l) => l.replace(DATA, ''))).toEqual([
        'aws_gpu_instances_2025-11-30.csv: aws-vantage, 1062 offerings, as of 2025-11-30; rows left out: a fraction of a GPU (65)',
        'gcp_gpu_machine_types_2026-07-30.csv: gcp-pricing, 924 offerings, as of 2026-07-30; rows left out: no GPU (204), a fraction of a GPU (60)',
        'gcp_machine_type_zones_2023-05-02.csv: gcp-zones, zones for 120 GCP offerings',
        'azure_gpu_vms_skypilot_v6.csv: azure-skypilot, 172 offerings, as of unknown (use --as-of); rows left out: no accelerator named (21), promotional _Promo size (11), no on-demand price (4)',
        `saved ${join(dir, 'catalog.json')}: 2158 imported offerings from 3 sources`,
        '',
      ]);
      const offers = await roam([
        'offers',
        '--gpu',
        'H100',
        '--count',
        '8',
        '--spot',
        '--limit',
        '1',
        '--data-dir',
        dir,
      ]);
      expect(offers.out.split('\n')[1]).toBe(
        'aws    eu-north-1  p5.48xlarge    8×H100  80Gi     192   2Ti     $7.33  $0.9158  spot    <5%',
      );
    },
  );
});
