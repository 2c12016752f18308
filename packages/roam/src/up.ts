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
import { loadCatalog } from '@roam/adapters';
import { DEMO_RESOURCES } from './demo.js';
import { offeringDocument } from './offering-document.js';
import { chooseCloud } from './cloud-choice.js';
import { openStore } from './open-store.js';

export const upHelp = `Usage: roam up [--data-dir DIR] [--listen HOST:PORT] [--store sqlite|memory|postgres://...]
               [--speed N] [--no-demo] [--seed N] [--spot-trace FILE] [--cloud sim|aws:FILE]

Runs the Roam control plane: the scheduler on the system clock, a durable store, the
HTTP API (and the dashboard), with a simulated multi-cloud (or Amazon EC2: --cloud). On
an empty store it creates a small demo (queues, an on-prem pool and an elastic spot
pool, all named demo-*); --no-demo skips it. On first start it creates an admin token and writes the CLI config
so 'roam get workloads' just works. Ctrl-C stops it cleanly.

  --data-dir DIR     where the SQLite store and the simulated cloud's instances
                     (sim-cloud.json) live (default ./.roam)
  --listen H:P       address to listen on (default 127.0.0.1:7070)
  --store S          sqlite (default), memory, or a postgres:// URL
  --speed N          run the simulated world N times faster than real time (default 1)
  --spot-trace FILE  replay spot availability (and prices) from a trace in the zones it
                     covers, from the start and looping; elsewhere, and by default, the
                     spot market is a model calibrated from public traces
  --seed N           the simulated world's randomness (default 1)
  --cloud C          where elastic pools buy capacity: sim (default), the simulated
                     multi-cloud; or aws:FILE, Amazon EC2 in the regions FILE configures
                     (launch template and subnets per region; docs/operations.md), with
                     the AWS SDK's default credentials`;

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
      cloud: { type: 'string', default: 'sim' },
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

  const catalog = await loadCatalog(dataDir);
  const cloud = await chooseCloud(
    {
      cloud: values.cloud,
      spotTrace: values['spot-trace'],
      seed,
      speed,
      durable: values.store !== 'memory',
      dataDir,
    },
    catalog,
  );
  const { store, description } = await openStore(values.store, dataDir);
  const plane = await ControlPlane.open({ store, speed, seed, cloud: cloud.cloud });
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
    `Roam control plane listening on ${url} (store: ${description}; cloud: ${cloud.description}${speed !== 1 ? `; world ×${speed}` : ''})`,
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
      cloud.close();
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
