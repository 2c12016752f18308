// The writer killed by sqlite-crash.test.ts: opens the SqliteStore in the directory given
// as its argument and writes until it is killed, 32 writes in flight. Each Workload put
// prints its key once acknowledged; Queue writes (puts and deletes) churn alongside, so
// the change log holds both. Runs the built package (npm test builds before testing).
import process from 'node:process';
import { SqliteStore } from '../../dist/store/index.js';

const store = await SqliteStore.open(process.argv[2]);
let next = 0;

async function writer() {
  for (;;) {
    const i = next++;
    if (i % 5 === 4) {
      const key = `q${i % 7}`;
      await (i % 3 === 0 ? store.delete('Queue', key) : store.put('Queue', key, { i }));
      continue;
    }
    const key = `w${i}`;
    await store.put('Workload', key, { i, payload: 'x'.repeat(i % 200) });
    process.stdout.write(`${key}\n`);
  }
}

await Promise.all(Array.from({ length: 32 }, writer));
