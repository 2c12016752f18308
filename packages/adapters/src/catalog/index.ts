/** Offering catalogs: the built-in one, importers of public catalogs, the local catalog file. */
export { builtinCatalog, BUILTIN_SOURCES } from './builtin.js';
export {
  importCatalogFiles,
  type CatalogImport,
  type FileReport,
  type ImportFile,
} from './import.js';
export {
  catalogFromJson,
  catalogToJson,
  CATALOG_FILE_KIND,
  CATALOG_FILE_VERSION,
} from './catalog-file.js';
export {
  CatalogFileError,
  DEFAULT_DATA_DIR,
  loadCatalog,
  localCatalogPath,
  readLocalCatalog,
  writeLocalCatalog,
} from './catalog-store.js';
