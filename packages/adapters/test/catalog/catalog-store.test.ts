import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/catalog/builtin.js';
import {
  CatalogFileError,
  loadCatalog,
  localCatalogPath,
  readLocalCatalog,
  writeLocalCatalog,
} from '../../src/catalog/catalog-store.js';
import { importCatalogFiles } from '../../src/catalog/import.js';
import { AWS_HEADER, awsRow, lines } from './samples.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'roam-catalog-'));

describe('the local catalog file', () => {
  it('is empty before anything was imported', async () => {
    expect(await readLocalCatalog(join(fresh(), 'none'))).toEqual({ sources: [], offerings: [] });
  });

  it('keeps what was written, in a data directory it creates', async () => {
    const dir = join(fresh(), 'nested', '.roam');
    const { catalog } = importCatalogFiles([
      { name: 'aws.csv', text: lines(AWS_HEADER, awsRow()) },
    ]);
    expect(await writeLocalCatalog(dir, catalog)).toBe(localCatalogPath(dir));
    expect(await readLocalCatalog(dir)).toEqual(catalog);
    expect(readFileSync(localCatalogPath(dir), 'utf8')).toMatch(
      /^\{\n {2}"kind": "RoamOfferingCatalog",\n {2}"version": 1,/,
    );
  });

  it('refuses a broken file with every problem', async () => {
    const dir = fresh();
    writeFileSync(localCatalogPath(dir), '{"kind":"RoamOfferingCatalog","version":1,"sources":[]}');
    await expect(readLocalCatalog(dir)).rejects.toThrow(CatalogFileError);
    await expect(readLocalCatalog(dir)).rejects.toThrow(
      `${localCatalogPath(dir)}: offerings: must be a list, got undefined`,
    );
  });

  it('lays the imported offerings over the built-in ones', async () => {
    const dir = fresh();
    expect(await loadCatalog(dir)).toEqual(builtinCatalog());
    const cheaper = importCatalogFiles([
      { name: 'aws.csv', text: lines(AWS_HEADER, awsRow({ 9: '50' })) },
    ]);
    await writeLocalCatalog(dir, cheaper.catalog);
    const merged = await loadCatalog(dir);
    const p5 = merged.offerings.filter(
      (o) => o.instanceType === 'p5.48xlarge' && o.region === 'us-east-1',
    );
    expect(p5.map((o) => [o.source, o.onDemandPerHourMicros])).toEqual([['aws.csv', 50_000_000]]);
    expect(merged.offerings).toHaveLength(builtinCatalog().offerings.length);
    expect(merged.sources.map((s) => s.name)).toEqual([
      'roam-builtin-aws',
      'roam-builtin-gcp',
      'roam-builtin-azure',
      'aws.csv',
    ]);
  });
});
