export * from './provisioner.js';
export * from './market-rule.js';
