/** Cloud offerings: GPU model names, catalogs with their sources, and offer queries. */
export * from './offering.js';
export * from './gpu-models.js';
export * from './catalog.js';
export * from './catalog-summary.js';
export * from './offer-query.js';
export * from './market.js';
export * from './offering-view.js';
