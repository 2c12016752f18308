export * from './provisioner.js';
