import { existsSync, readFileSync } from 'node:fs';
import { importCatalogFiles, type CatalogImport } from '../../src/catalog/import.js';

/**
 * The public catalog files of ../shared/data/cloud-gpu-catalog (see its README.md), beside
 * the repository; tests that read them are skipped where the folder is absent.
 */
export const CATALOG_DATA = new URL(
  '../../../../../shared/data/cloud-gpu-catalog/',
  import.meta.url,
).pathname;
export const AWS_FILE = `${CATALOG_DATA}aws_gpu_instances_2025-11-30.csv`;
export const GCP_FILE = `${CATALOG_DATA}gcp_gpu_machine_types_2026-07-30.csv`;
export const GCP_ZONES_FILE = `${CATALOG_DATA}gcp_machine_type_zones_2023-05-02.csv`;
export const AZURE_FILE = `${CATALOG_DATA}azure_gpu_vms_skypilot_v6.csv`;

/** Whether every public catalog file is there. */
export const haveData = (): boolean =>
  [AWS_FILE, GCP_FILE, GCP_ZONES_FILE, AZURE_FILE].every((f) => existsSync(f));

let imported: CatalogImport | undefined;

/**
 * The public files imported together, read on first use (call it inside tests: the body
 * of a skipped `describe` still runs).
 */
export function importPublicFiles(): CatalogImport {
  imported ??= importCatalogFiles(
    [AWS_FILE, GCP_FILE, GCP_ZONES_FILE, AZURE_FILE].map((name) => ({
      name,
      text: readFileSync(name, 'utf8'),
    })),
  );
  return imported;
}
