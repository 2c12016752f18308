import { saveClientConfig, UsageError, type Io } from '@roam/cli';
import {
  ControlPlane,
  createApiServer,
  staticFiles,
  TokenService,
  type Principal,
} from '@roam/server';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog, SimCloud } from '@roam/adapters';
import { SeededRng } from '@roam/core';
import { DEMO_RESOURCES } from './demo.js';
import { offeringDocument } from './offering-document.js';
import { openStore } from './open-store.js';
import { readSimCloud, SIM_CLOUD_FILE, writeSimCloud } from './sim-cloud-file.js';
import { spotMarket } from './spot-market.js';

export const upHelp = `Usage: roam up [--data-dir DIR] [--listen HOST:PORT] [--store sqlite|memory|postgres://...]
               [--speed N] [--no-demo] [--seed N] [--spot-trace FILE]

Runs the Roam control plane: the scheduler on the system clock, a durable store, the
HTTP API (and the dashboard), with a simulated multi-cloud. On an empty store it creates
a small demo (queues, an on-prem pool and an elastic spot pool, all named demo-*);
--no-demo skips it. On first start it creates an admin token and writes the CLI config
so 'roam get workloads' just works. Ctrl-C stops it cleanly.

  --data-dir DIR     where the SQLite store and the simulated cloud's instances
                     (sim-cloud.json) live (default ./.roam)
  --listen H:P       address to listen on (default 127.0.0.1:7070)
  --store S          sqlite (default), memory, or a postgres:// URL
  --speed N          run the simulated world N times faster than real time (default 1)
  --spot-trace FILE  replay spot availability (and prices) from a trace in the zones it
                     covers, from the start and looping; elsewhere, and by default, the
                     spot market is a model calibrated from public traces
  --seed N           the simulated world's randomness (default 1)`;

/** `roam up`: runs until SIGINT or SIGTERM; resolves with the exit code. */
export async function upCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string', default: '.roam' },
      listen: { type: 'string', default: '127.0.0.1:7070' },
      store: { type: 'string', default: 'sqlite' },
      speed: { type: 'string', default: '1' },
      'no-demo': { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      'spot-trace': { type: 'string' },
    },
  });
  const speed = Number(values.speed);
  if (!(speed > 0) || speed > 100_000)
    throw new UsageError(`--speed must be a number above 0 (at most 100000), got ${values.speed}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed))
    throw new UsageError(`--seed must be an integer, got ${values.seed}`);
  const listen = /^(.*):(\d+)$/.exec(values.listen);
  if (!listen) throw new UsageError(`--listen must be HOST:PORT, got ${values.listen}`);
  const host = listen[1] as string;
  const port = Number(listen[2]);
  const dataDir = resolve(values['data-dir']);
  await mkdir(dataDir, { recursive: true });

  const market = await spotMarket(values['spot-trace'], seed);
  // The simulated cloud keeps its instances across restarts, as a real cloud does, unless
  // the store itself is not durable.
  const cloudFile = values.store === 'memory' ? undefined : join(dataDir, SIM_CLOUD_FILE);
  const restore = cloudFile !== undefined ? readSimCloud(cloudFile) : undefined;
  const { store, description } = await openStore(values.store, dataDir);
  const catalog = await loadCatalog(dataDir);
  const plane = await ControlPlane.open({
    store,
    speed,
    seed,
    // The simulated multi-cloud: the catalog's offerings, a spot market (calibrated from
    // public traces, or replaying one), instances that boot, get reclaimed and bill, on
    // the world clock.
    cloud: (world) => {
      const cloud: SimCloud = new SimCloud({
        now: () => world.now(),
        schedule: (at, fn) => world.at(at, fn),
        catalog,
        rng: new SeededRng(seed),
        market: market(world.now()),
        ...(restore ? { restore } : {}),
        ...(cloudFile !== undefined
          ? { onChange: () => writeSimCloud(cloudFile, cloud.snapshot()) }
          : {}),
      });
      return cloud;
    },
  });
  const tokens = await TokenService.open(store);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let adminToken: string | undefined;
  if (!tokens.hasAdmin())
    adminToken = (await tokens.create('admin', 'admin', [], plane.clock.now())).token;
  const admin: Principal = { name: 'roam-up', role: 'admin', queues: [] };
  const empty = ['Queue', 'NodePool', 'Workload'].every((k) => plane.storedAll(k).length === 0);
  if (empty && !values['no-demo'])
    for (const doc of DEMO_RESOURCES) await plane.write(doc, admin, 'apply');

  const offerings = catalog.offerings.map(offeringDocument);
  const web = dashboardDir();
  const server = createApiServer({
    plane,
    tokens,
    offerings: () => offerings,
    ...(web !== undefined ? { statics: staticFiles(web) } : {}),
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok());
  });
  const lines = [
    web !== undefined
      ? `Dashboard: ${url}/ (sign in with: npx roam dashboard)`
      : 'Dashboard: not built (npm run build -w @roam/web)',
    `Roam control plane listening on ${url} (store: ${description}${speed !== 1 ? `, world ×${speed}` : ''})`,
  ];
  if (empty && !values['no-demo'])
    lines.push(
      'Created the demo: queues demo-research, demo-vision, demo-serving; pools demo-onprem, demo-spot; colony demo-fleet (delete them with roam delete).',
    );
  if (adminToken !== undefined) {
    const path = await saveClientConfig({ server: url, token: adminToken });
    lines.push(`Admin token (shown once; saved to ${path} for the CLI):`, `  ${adminToken}`);
  }
  lines.push(
    'Try, in another terminal:',
    '  npx roam get workloads',
    '  npx roam apply -f examples/llama.yaml',
    '  npx roam top queues',
    '  npx roam events --follow',
    'Press Ctrl-C to stop.',
  );
  io.out(lines.join('\n'));

  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err('stopping…');
      server.close();
      server.closeAllConnections();
      void plane.close().then(done, (e: unknown) => {
        io.err(`roam: error while stopping: ${(e as Error).message}`);
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** The built web dashboard (`@roam/web`'s dist/), if it was built. */
function dashboardDir(): string | undefined {
  const pkg = createRequire(import.meta.url).resolve('@roam/web/package.json');
  const dir = join(dirname(pkg), 'dist');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}
