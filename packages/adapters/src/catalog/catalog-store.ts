import { EMPTY_CATALOG, mergeCatalogs, type Catalog } from '@roam/core';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinCatalog } from './builtin.js';
import { catalogFromJson, catalogToJson } from './catalog-file.js';

/** Roam's data directory when none is given, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.roam';

/** A catalog file that exists but cannot be used; `errors` are `file: path: reason`. */
export class CatalogFileError extends Error {
  constructor(readonly errors: readonly string[]) {
    super(errors.join('\n'));
    this.name = 'CatalogFileError';
  }
}

/** Where the imported catalog lives in a data directory. */
export function localCatalogPath(dataDir: string): string {
  return join(dataDir, 'catalog.json');
}

/**
 * The imported catalog saved in `dataDir`, or an empty catalog when nothing was imported
 * there yet. A file that is not a valid catalog throws a {@link CatalogFileError}.
 */
export async function readLocalCatalog(dataDir: string): Promise<Catalog> {
  const path = localCatalogPath(dataDir);
  let json: string;
  try {
    json = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_CATALOG;
    throw e;
  }
  const read = catalogFromJson(json, path);
  if (!read.ok) throw new CatalogFileError(read.errors);
  return read.catalog;
}

/**
 * Saves the imported catalog in `dataDir` (created if needed), replacing the file in one
 * step so that a crash leaves the old file or the new one. Returns the file's path.
 */
export async function writeLocalCatalog(dataDir: string, catalog: Catalog): Promise<string> {
  const path = localCatalogPath(dataDir);
  await mkdir(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, catalogToJson(catalog));
  await rename(temporary, path);
  return path;
}

/** What `roam offers` searches: the built-in catalog with the imported one of `dataDir` over it. */
export async function loadCatalog(dataDir: string): Promise<Catalog> {
  return mergeCatalogs(builtinCatalog(), await readLocalCatalog(dataDir));
}
