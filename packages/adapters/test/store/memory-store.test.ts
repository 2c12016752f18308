import { MemoryStore } from '../../src/store/index.js';
import { storeContract } from './contract.js';

storeContract('MemoryStore', async () => ({ open: async () => new MemoryStore() }), {
  durable: false,
});
