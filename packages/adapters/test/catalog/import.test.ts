import { describe, expect, it } from 'vitest';
import { importCatalogFiles, type ImportFile } from '../../src/catalog/import.js';
import {
  AWS_HEADER,
  awsRow,
  AZURE_HEADER,
  GCP_HEADER,
  GCP_ZONES_HEADER,
  gcpRow,
  lines,
} from './samples.js';

const one = (name: string, text: string, asOf?: string) =>
  importCatalogFiles([{ name, text }], asOf !== undefined ? { asOf } : {});

describe('importing the AWS instances.vantage.sh CSV', () => {
  const text = lines(
    AWS_HEADER,
    awsRow(),
    'aws,p4de.24xlarge,GPU instance,NVIDIA A100,8,640,96,1152,us-east-1,27.44705,,,,,',
    'aws,trn1.32xlarge,Machine Learning ASIC Instances,AWS Inferentia,16,512,128,512,us-east-1,21.5,,,,,',
    'aws,g6f.large,GPU instance,NVIDIA L4,0.125,3,2,8,us-east-1,0.2,,,,,',
    'aws,g5.xlarge,GPU instance,NVIDIA A10G,1,24,4,16,us-east-1,,,,,,',
  );
  const result = one('data/aws_gpu_instances_2025-11-30.csv', text);

  it('reads offerings in Roam units, spot at the average, the band with it', () => {
    expect(result.errors).toEqual([]);
    expect(result.catalog.offerings[0]).toEqual({
      cloud: 'aws',
      region: 'us-east-1',
      zones: [],
      instanceType: 'p5.48xlarge',
      gpuModel: 'H100',
      gpuCount: 8,
      gpuMemoryMiB: 80 * 1024,
      cpuMilli: 192_000,
      memoryMiB: 2048 * 1024,
      onDemandPerHourMicros: 55_040_000,
      spotPerHourMicros: 28_106_467,
      spotInterruptionBand: '5-10%',
      source: 'aws_gpu_instances_2025-11-30.csv',
    });
  });

  it('names A100 80 GB by its memory and Trainium by its family, without spot when none is listed', () => {
    expect(
      result.catalog.offerings
        .slice(1)
        .map((o) => [
          o.instanceType,
          o.gpuModel,
          o.gpuCount,
          o.gpuMemoryMiB / 1024,
          o.spotPerHourMicros,
        ]),
    ).toEqual([
      ['p4de.24xlarge', 'A100-80GB', 8, 80, undefined],
      ['trn1.32xlarge', 'Trainium', 16, 32, undefined],
    ]);
  });

  it('reports the source dated by the file name and the rows left out', () => {
    expect(result.catalog.sources).toEqual([
      {
        name: 'aws_gpu_instances_2025-11-30.csv',
        description:
          'AWS EC2 GPU instances, instances.vantage.sh CSV (on-demand list; spot average)',
        asOf: '2025-11-30',
      },
    ]);
    expect(result.reports).toEqual([
      {
        file: 'data/aws_gpu_instances_2025-11-30.csv',
        format: 'aws-vantage',
        offerings: 3,
        asOf: '2025-11-30',
        skipped: [
          { reason: 'a fraction of a GPU', rows: 1 },
          { reason: 'no on-demand price', rows: 1 },
        ],
      },
    ]);
  });

  it('reports every malformed row as file:line: column: reason', () => {
    const bad = lines(
      AWS_HEADER,
      awsRow(),
      awsRow({ 0: 'gcp' }),
      awsRow({ 1: 'P5.48XLARGE' }),
      awsRow({ 8: 'US East' }),
      awsRow({ 3: '' }),
      awsRow({ 4: 'eight' }),
      awsRow({ 6: '0' }),
      awsRow({ 9: '-1' }),
      awsRow({ 11: 'cheap' }),
      awsRow({ 13: 'often' }),
      awsRow(),
      'aws,p5.48xlarge,GPU instance,NVIDIA H100,8',
      `${awsRow()},extra`,
      'aws,"p5".48xlarge',
    );
    expect(one('aws.csv', bad).errors).toEqual([
      'aws.csv:3: cloud: must be aws, got "gcp"',
      'aws.csv:4: instance_type: must be an EC2 instance type such as p5.48xlarge, got "P5.48XLARGE"',
      'aws.csv:5: region: must be an AWS region such as us-east-1, got "US East"',
      'aws.csv:6: gpu_model: must be an accelerator name, got ""',
      'aws.csv:7: gpu_count: must be a non-negative number, got "eight"',
      'aws.csv:8: vcpus: must be a positive number, got "0"',
      'aws.csv:9: ondemand_usd_per_hour: must be a price in USD per hour or empty, got "-1"',
      'aws.csv:10: spot_avg_usd_per_hour: must be a price in USD per hour or empty, got "cheap"',
      'aws.csv:11: spot_interruption_band: must be one of <5%, 5-10%, 10-15%, 15-20%, >20% or empty, got "often"',
      'aws.csv:12: instance_type: duplicate of line 2 (same instance type and region)',
      'aws.csv:13: gpu_memory_gib_total: missing: the row has 5 fields, the header 15',
      'aws.csv:14: column 16: unexpected field: the row has 16 fields, the header 15',
      'aws.csv:15: instance_type: text after a closing quote',
    ]);
  });
});

describe('importing the GCP pricing CSV and zone list', () => {
  const pricing = lines(
    GCP_HEADER,
    gcpRow(
      'a3-megagpu-8g,h100-80gb-mega,H100-80GB (a3-mega),8,208,1872,us-east4,92.937588,23.275237',
    ),
    gcpRow(
      'a2-highgpu-1g,a100,A100-40GB,1,12,85,us-central1,3.673385,1.92802',
      '2026-07-29T06:13:37Z',
    ),
    gcpRow('n1-standard-8,,,0,8,30,us-central1,0.379998,0.13402'),
    gcpRow('g4-standard-6,rtx6000,RTX PRO 6000 (g4),0.125,6,22,us-central1,0.559556,0.223803'),
    gcpRow('a2-highgpu-1g,a100,A100-40GB,1,12,85,europe-north2,,0.5'),
  );
  const zones = lines(
    GCP_ZONES_HEADER,
    'a2-highgpu-1g,12,False,85.00,,us-central1-c,us-central1',
    'a2-highgpu-1g,12,False,85.00,,us-central1-a,us-central1',
    'a2-highgpu-1g,12,False,85.00,,us-central1-a,us-central1',
    'a2-highgpu-1g,12,False,85.00,deprecated,us-central1-b,us-central1',
    'a2-ultragpu-1g,12,False,170.00,,europe-west4-a,europe-west4',
  );
  const result = importCatalogFiles([
    { name: 'gcp.csv', text: pricing },
    { name: 'zones.csv', text: zones },
  ]);

  it('reads GPU machine types with model memory from the model table and zones from the list', () => {
    expect(result.errors).toEqual([]);
    expect(result.catalog.offerings).toEqual([
      {
        cloud: 'gcp',
        region: 'us-east4',
        zones: [],
        instanceType: 'a3-megagpu-8g',
        gpuModel: 'H100',
        gpuCount: 8,
        gpuMemoryMiB: 80 * 1024,
        cpuMilli: 208_000,
        memoryMiB: 1872 * 1024,
        onDemandPerHourMicros: 92_937_588,
        spotPerHourMicros: 23_275_237,
        source: 'gcp.csv',
      },
      {
        cloud: 'gcp',
        region: 'us-central1',
        zones: ['us-central1-a', 'us-central1-c'],
        instanceType: 'a2-highgpu-1g',
        gpuModel: 'A100',
        gpuCount: 1,
        gpuMemoryMiB: 40 * 1024,
        cpuMilli: 12_000,
        memoryMiB: 85 * 1024,
        onDemandPerHourMicros: 3_673_385,
        spotPerHourMicros: 1_928_020,
        source: 'gcp.csv',
      },
    ]);
  });

  it('dates the source by the latest snapshot and reports both files', () => {
    expect(result.catalog.sources[0]?.asOf).toBe('2026-07-30');
    expect(result.reports).toEqual([
      {
        file: 'gcp.csv',
        format: 'gcp-pricing',
        offerings: 2,
        asOf: '2026-07-30',
        skipped: [
          { reason: 'a fraction of a GPU', rows: 1 },
          { reason: 'no GPU', rows: 1 },
          { reason: 'no on-demand price', rows: 1 },
        ],
      },
      {
        file: 'zones.csv',
        format: 'gcp-zones',
        offerings: 0,
        skipped: [{ reason: 'deprecated machine type', rows: 1 }],
        zonesFilled: 1,
      },
    ]);
  });

  it('reports malformed rows of both files', () => {
    const badPricing = lines(
      GCP_HEADER,
      gcpRow('A3 high,h100-80gb,H100-80GB,8,208,1872,us-central1,88.49,50.6'),
      gcpRow('a3-highgpu-8g,h100-80gb,H100-80GB,8,208,1872,US,88.49,50.6'),
      gcpRow('a3-highgpu-8g,,,8,208,1872,us-central1,88.49,50.6'),
      gcpRow('a3-highgpu-8g,h100-80gb,H100-80GB,8,208,1872,us-central1,88.49,50.6', 'yesterday'),
    );
    const badZones = lines(
      GCP_ZONES_HEADER,
      'a2-highgpu-1g,12,False,85.00,,us-central1,us-central1',
      'a2-highgpu-1g,12,False,85.00,,us-central1-a,us-east1',
    );
    const r = importCatalogFiles([
      { name: 'gcp.csv', text: badPricing },
      { name: 'zones.csv', text: badZones },
    ]);
    expect(r.errors).toEqual([
      'gcp.csv:2: machine_type: must be a machine type such as a3-highgpu-8g, got "A3 high"',
      'gcp.csv:3: region: must be a GCP region such as us-central1, got "US"',
      'gcp.csv:4: gpu_type: must name the GPU model when gpu_count is above 0',
      'gcp.csv:5: snapshot_utc: must be a UTC time such as 2026-07-30T06:13:37Z or empty, got "yesterday"',
      'zones.csv:2: zone: must be a zone such as us-central1-a, got "us-central1"',
      `zones.csv:3: region: must be the zone's region us-central1, got "us-east1"`,
      'zones.csv: a GCP zone list fills the zones of a GCP pricing file: import both together',
    ]);
  });
});

describe('importing the Azure SkyPilot catalog', () => {
  const text = lines(
    AZURE_HEADER,
    'Standard_ND96isr_H100_v5,H100,12,96.0,1900,H100,98.32,98.32,eastus,V2',
    'Standard_NC24ads_A100_v4,A100-80GB,1,24.0,220,A100-80GB,3.673,0.444433,eastus,V2',
    'Standard_NC40ads_H100_v5,H100,1,40.0,320,H100,6.98,6.98,eastus,V2',
    'Standard_NC4as_T4_v3,T4,1,4.0,28,T4,0.526,,westus2,"V1,V2"',
    'Standard_E8s_v5,,,8.0,64,,0.504,0.05544,eastus,"V1,V2"',
    'Standard_NC6_Promo,K80,1,6.0,56,K80,0.216,,southcentralus,V1',
    'Standard_NV16as_v4,Radeon MI25,1,16.0,56,Radeon MI25,,,westus,"V1,V2"',
  );
  const result = one('azure_gpu_vms_skypilot_v6.csv', text);

  it('fixes ND96isr H100 v5 to 8 GPUs, drops spot prices equal to on-demand, keeps real ones', () => {
    expect(result.errors).toEqual([]);
    expect(
      result.catalog.offerings.map((o) => [
        o.instanceType,
        o.region,
        `${o.gpuCount}×${o.gpuModel}`,
        o.gpuMemoryMiB / 1024,
        o.cpuMilli,
        o.memoryMiB / 1024,
        o.onDemandPerHourMicros,
        o.spotPerHourMicros,
      ]),
    ).toEqual([
      ['Standard_ND96isr_H100_v5', 'eastus', '8×H100', 80, 96_000, 1900, 98_320_000, undefined],
      ['Standard_NC24ads_A100_v4', 'eastus', '1×A100-80GB', 80, 24_000, 220, 3_673_000, 444_433],
      ['Standard_NC40ads_H100_v5', 'eastus', '1×H100', 94, 40_000, 320, 6_980_000, undefined],
      ['Standard_NC4as_T4_v3', 'westus2', '1×T4', 16, 4_000, 28, 526_000, undefined],
    ]);
  });

  it('has no as-of date unless given, and counts the rows left out', () => {
    expect(result.catalog.sources[0]?.asOf).toBeUndefined();
    expect(one('azure.csv', text, '2025-06').catalog.sources[0]?.asOf).toBe('2025-06');
    expect(result.reports[0]?.skipped).toEqual([
      { reason: 'no accelerator named', rows: 1 },
      { reason: 'no on-demand price', rows: 1 },
      { reason: 'promotional _Promo size', rows: 1 },
    ]);
  });

  it('reports malformed rows', () => {
    const bad = lines(
      AZURE_HEADER,
      'ND96,H100,8,96.0,1900,H100,98.32,,eastus,V2',
      'Standard_NC6s_v3,V100,1,,112,V100,3.06,,eastus,V2',
      'Standard_NC6s_v3,V100,1,6.0,112,V100,free,,eastus,V2',
      'Standard_NC6s_v3,V100,x,6.0,112,V100,3.06,,eastus,V2',
      'Standard_NC6s_v3,V100,1,6.0,112,V100,3.06,,East US,V2',
    );
    expect(one('azure.csv', bad).errors).toEqual([
      'azure.csv:2: InstanceType: must be a VM size such as Standard_ND96isr_H100_v5, got "ND96"',
      'azure.csv:3: vCPUs: must be a positive number, got ""',
      'azure.csv:4: Price: must be a price in USD per hour or empty, got "free"',
      'azure.csv:5: AcceleratorCount: must be a non-negative number, got "x"',
      'azure.csv:6: Region: must be an Azure region such as eastus, got "East US"',
    ]);
  });
});

describe('importing several files', () => {
  it.each<[string, ImportFile[], RegExp]>([
    [
      'an unknown header',
      [{ name: 'x.csv', text: 'a,b\n1,2\n' }],
      /^x\.csv:1: header: not a catalog format Roam reads; known: aws-vantage \(cloud,instance_type,.*\); gcp-pricing \(.*\); azure-skypilot \(.*\); gcp-zones \(machine_type,zone,region\)$/,
    ],
    [
      'an empty file',
      [{ name: 'e.csv', text: '' }],
      /^e\.csv:1: header: not a catalog format Roam reads/,
    ],
    [
      'a column listed twice',
      [{ name: 'd.csv', text: `${AWS_HEADER},region\n` }],
      /^d\.csv:1: region: listed twice$/,
    ],
  ])('refuses %s', (_, files, message) => {
    const r = importCatalogFiles(files);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(message);
  });

  it('gives each file its own source; a later file wins over an earlier one for the same offering', () => {
    const r = importCatalogFiles([
      { name: 'a/old.csv', text: lines(AWS_HEADER, awsRow(), awsRow({ 8: 'us-west-2' })) },
      { name: 'b/new.csv', text: lines(AWS_HEADER, awsRow({ 9: '50' })) },
    ]);
    expect(r.catalog.sources.map((s) => s.name)).toEqual(['old.csv', 'new.csv']);
    expect(r.catalog.offerings.map((o) => [o.region, o.onDemandPerHourMicros, o.source])).toEqual([
      ['us-east-1', 50_000_000, 'new.csv'],
      ['us-west-2', 55_040_000, 'old.csv'],
    ]);
  });
});
