import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { API_PREFIX, kindOfPlural } from '../api/kinds.js';
import { matchesFields, matchesLabels, parseSelector } from '../api/selectors.js';
import { openApiDocument } from '../api/openapi.js';
import { bearerToken, type Principal } from '../auth/tokens.js';
import { SigninLinks } from '../auth/signin-links.js';
import type { TokenService } from '../auth/token-service.js';
import { renderMetrics, requestDurations } from '../metrics/roam-metrics.js';
import type { ControlPlane } from '../plane/control-plane.js';
import type { Doc } from '../plane/documents.js';
import type { WatchEvent } from '../plane/watch.js';
import { nodeView, nodeViews } from '../views/nodes.js';
import { queueViews } from '../views/queues.js';
import { readDocument } from './body.js';
import { ApiError, errors } from './errors.js';
import { sendDocument, sendText } from './respond.js';
import { Router, type RouteContext } from './router.js';
import { openEventStream } from './sse.js';

/** Extra routes an app adds (the dashboard's static files). */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** What the API server needs. */
export interface ApiServerOptions {
  readonly plane: ControlPlane;
  readonly tokens: TokenService;
  /** Serves non-API paths (e.g. the web dashboard); return false to fall through to 404. */
  readonly statics?: StaticHandler;
  /** Offerings to serve read-only at `/offerings`. */
  readonly offerings?: () => readonly unknown[];
  /** One-time dashboard sign-in codes (default: a new in-memory set). */
  readonly signin?: SigninLinks;
}

/**
 * The HTTP API: resources under `/apis/roam.dev/v1alpha1/<plural>` with Kubernetes' REST
 * conventions (POST creates, PUT applies, GET lists or reads, DELETE removes;
 * `?watch=true` streams changes as server-sent events), plus events, actions, tokens,
 * `/metrics`, `/openapi.json`, `/healthz` and `/readyz`. Every request but the health
 * checks needs a bearer token.
 */
export function createApiServer(options: ApiServerOptions): Server {
  const router = buildRouter(options);
  return createServer((req, res) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    let route = 'other';
    // World time (it may run faster than real time): clients show ages against it.
    res.setHeader('x-roam-time', String(options.plane.clock.now()));
    void (async () => {
      try {
        if (url.pathname === '/healthz') return sendText(res, 200, 'ok\n');
        if (url.pathname === '/readyz') return sendText(res, 200, 'ready\n');
        if (
          !url.pathname.startsWith(API_PREFIX) &&
          !['/metrics', '/openapi.json', '/whoami', '/signin'].includes(url.pathname)
        ) {
          if (options.statics?.(req, res)) return;
          throw errors.notFound(`no such path: ${url.pathname}`);
        }
        const match = router.match(method, url.pathname);
        if ('methods' in match) {
          if (match.methods.length > 0)
            throw errors.methodNotAllowed(
              `${method} is not allowed on ${url.pathname}; use ${match.methods.join(', ')}`,
            );
          throw errors.notFound(`no such path: ${url.pathname}`);
        }
        route = routeName(url.pathname);
        await match.handler({ req, res, params: match.params, query: url.searchParams });
      } catch (e) {
        const error = e instanceof ApiError ? e : internal(e);
        if (!res.headersSent) sendDocument(req, res, error.code, error.toStatus());
        else res.end();
      } finally {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        if (!res.getHeader('content-type')?.toString().startsWith('text/event-stream'))
          requestDurations.observe({ method, route, code: String(res.statusCode) }, seconds);
      }
    })();
  });
}

function internal(e: unknown): ApiError {
  process.stderr.write(`roam: internal error: ${(e as Error).stack ?? String(e)}\n`);
  return new ApiError(500, 'InternalError', `internal error: ${(e as Error).message}`);
}

/** A low-cardinality route label for metrics. */
function routeName(path: string): string {
  const parts = path.split('/').filter(Boolean);
  if (path.startsWith(API_PREFIX))
    return `/apis/.../${parts[3] ?? ''}${parts.length > 4 ? '/{name}' : ''}${parts[5] ? `/${parts[5]}` : ''}`;
  return path;
}

function buildRouter({
  plane,
  tokens,
  offerings,
  signin = new SigninLinks(),
}: ApiServerOptions): Router {
  const r = new Router();
  const auth = (ctx: RouteContext): Principal => tokens.authenticate(ctx.req.headers.authorization);

  // Dashboard sign-in: a token holder asks for a one-time code; the browser trades it once.
  r.add('POST', `${API_PREFIX}/signinlinks`, async (ctx) => {
    auth(ctx);
    const token = bearerToken(ctx.req.headers.authorization) as string;
    const { code, expiresAt } = signin.issue(token);
    sendDocument(ctx.req, ctx.res, 201, {
      kind: 'SigninLink',
      path: `/#/signin/${code}`,
      code,
      expiresAt: new Date(expiresAt).toISOString(),
    });
  });
  r.add('POST', '/signin', async (ctx) => {
    const body = (await readDocument(ctx.req)) as { code?: unknown };
    const token = signin.redeem(String(body.code ?? ''));
    sendDocument(ctx.req, ctx.res, 200, {
      kind: 'Session',
      token,
      principal: tokens.authenticate(`Bearer ${token}`),
    });
  });

  r.add('GET', '/whoami', async (ctx) => sendDocument(ctx.req, ctx.res, 200, auth(ctx)));
  r.add('GET', '/openapi.json', async (ctx) => {
    auth(ctx);
    sendDocument(ctx.req, ctx.res, 200, openApiDocument());
  });
  r.add('GET', '/metrics', async (ctx) => {
    auth(ctx);
    sendText(ctx.res, 200, renderMetrics(plane), 'text/plain; version=0.0.4; charset=utf-8');
  });

  // Views that join live state: queue standing and node fill.
  r.add('GET', `${API_PREFIX}/queuestatus`, async (ctx) => {
    const p = auth(ctx);
    const items = queueViews(plane.state, plane.lastResult).filter(
      (q) => p.role === 'admin' || p.queues.includes(q.name),
    );
    sendDocument(ctx.req, ctx.res, 200, { kind: 'QueueStatusList', items });
  });

  // Events.
  r.add('GET', `${API_PREFIX}/events`, async (ctx) => {
    const p = auth(ctx);
    const workload = ctx.query.get('workload') ?? undefined;
    if (ctx.query.get('watch') === 'true')
      return streamWatch(
        ctx,
        plane,
        p,
        (e) => e.type === 'EVENT' && (workload === undefined || e.object.workload === workload),
      );
    const limit = Number(ctx.query.get('limit') ?? 500);
    sendDocument(ctx.req, ctx.res, 200, {
      kind: 'EventList',
      items: plane.events(p, { ...(workload !== undefined ? { workload } : {}), limit }),
    });
  });
  r.add('GET', `${API_PREFIX}/watch`, async (ctx) =>
    streamWatch(ctx, plane, auth(ctx), () => true),
  );

  // Tokens (admin).
  r.add('GET', `${API_PREFIX}/tokens`, async (ctx) => {
    requireAdmin(auth(ctx));
    sendDocument(ctx.req, ctx.res, 200, {
      kind: 'TokenList',
      items: tokens.list().map(({ hash: _h, ...t }) => t),
    });
  });
  r.add('POST', `${API_PREFIX}/tokens`, async (ctx) => {
    requireAdmin(auth(ctx));
    const body = (await readDocument(ctx.req)) as {
      name?: unknown;
      role?: unknown;
      queues?: unknown;
    };
    const queues = Array.isArray(body.queues) ? body.queues.map(String) : [];
    const { token, record } = await tokens.create(
      String(body.name ?? ''),
      String(body.role ?? '') as never,
      queues,
      plane.clock.now(),
    );
    sendDocument(ctx.req, ctx.res, 201, {
      kind: 'Token',
      token,
      name: record.name,
      role: record.role,
      queues: record.queues,
    });
  });
  r.add('DELETE', `${API_PREFIX}/tokens/:name`, async (ctx) => {
    requireAdmin(auth(ctx));
    if (!(await tokens.revoke(ctx.params.name ?? '')))
      throw errors.notFound(`token ${ctx.params.name} not found`);
    sendDocument(ctx.req, ctx.res, 200, { kind: 'Status', status: 'Success' });
  });

  // Actions.
  r.add('POST', `${API_PREFIX}/workloads/:name/requeue`, async (ctx) => {
    await plane.requeue(ctx.params.name ?? '', auth(ctx));
    sendDocument(ctx.req, ctx.res, 202, {
      kind: 'Status',
      status: 'Success',
      message: `workload ${ctx.params.name} is being requeued`,
    });
  });
  r.add('GET', `${API_PREFIX}/workloads/:name/events`, async (ctx) => {
    const p = auth(ctx);
    plane.get('Workload', ctx.params.name ?? '', p);
    sendDocument(ctx.req, ctx.res, 200, {
      kind: 'EventList',
      items: plane.events(p, { workload: ctx.params.name ?? '' }),
    });
  });
  for (const [action, on] of [
    ['cordon', true],
    ['uncordon', false],
  ] as const)
    r.add('POST', `${API_PREFIX}/nodes/:name/${action}`, async (ctx) => {
      await plane.cordon(ctx.params.name ?? '', on, auth(ctx));
      sendDocument(ctx.req, ctx.res, 200, {
        kind: 'Status',
        status: 'Success',
        message: `node ${ctx.params.name} ${action}ed`,
      });
    });

  // Resources.
  r.add('GET', `${API_PREFIX}/:plural`, async (ctx) => {
    const p = auth(ctx);
    const kind = kindOf(ctx.params.plural);
    if (ctx.query.get('watch') === 'true')
      return streamWatch(ctx, plane, p, (e) => e.type !== 'EVENT' && e.kind === kind.kind);
    const labels = parseSelector(ctx.query.get('labelSelector'), 'labelSelector');
    const fields = parseSelector(ctx.query.get('fieldSelector'), 'fieldSelector');
    const items = listKind(plane, kind.kind, p, offerings).filter(
      (d) =>
        matchesLabels(d.metadata.labels as Record<string, string> | undefined, labels) &&
        matchesFields(d, fields),
    );
    sendDocument(ctx.req, ctx.res, 200, {
      apiVersion: 'roam.dev/v1alpha1',
      kind: `${kind.kind}List`,
      items,
    });
  });
  r.add('POST', `${API_PREFIX}/:plural`, async (ctx) => {
    const p = auth(ctx);
    const kind = writableKind(ctx.params.plural);
    const input = await readDocument(ctx.req);
    checkKind(input, kind.kind);
    const { doc } = await plane.write(input, p, 'create');
    sendDocument(ctx.req, ctx.res, 201, doc);
  });
  r.add('GET', `${API_PREFIX}/:plural/:name`, async (ctx) => {
    const p = auth(ctx);
    const kind = kindOf(ctx.params.plural);
    const name = ctx.params.name ?? '';
    if (kind.kind === 'Node')
      return sendDocument(ctx.req, ctx.res, 200, nodeDocument(plane, plane.get('Node', name, p)));
    if (kind.kind === 'Offering') {
      const o = (offerings?.() ?? []).find((x) => (x as Doc).metadata?.name === name);
      if (!o) throw errors.notFound(`Offering ${name} not found`);
      return sendDocument(ctx.req, ctx.res, 200, o);
    }
    if (kind.kind === 'Colony')
      return sendDocument(
        ctx.req,
        ctx.res,
        200,
        colonyDocument(plane, plane.get('Colony', name, p)),
      );
    sendDocument(ctx.req, ctx.res, 200, plane.get(kind.kind, name, p));
  });
  r.add('PUT', `${API_PREFIX}/:plural/:name`, async (ctx) => {
    const p = auth(ctx);
    const kind = writableKind(ctx.params.plural);
    const input = await readDocument(ctx.req);
    checkKind(input, kind.kind);
    const { doc, created } = await plane.write(input, p, 'apply', ctx.params.name);
    sendDocument(ctx.req, ctx.res, created ? 201 : 200, doc);
  });
  r.add('DELETE', `${API_PREFIX}/:plural/:name`, async (ctx) => {
    const p = auth(ctx);
    const kind = writableKind(ctx.params.plural);
    sendDocument(ctx.req, ctx.res, 200, await plane.remove(kind.kind, ctx.params.name ?? '', p));
  });
  return r;
}

function requireAdmin(p: Principal): void {
  if (p.role !== 'admin')
    throw errors.forbidden(`${p.name} (${p.role}) may not manage tokens; an admin token is needed`);
}

function kindOf(plural: string | undefined): { kind: string; writable: boolean } {
  const k = kindOfPlural(plural ?? '');
  if (!k)
    throw errors.notFound(
      `no resource type ${JSON.stringify(plural)}; known: workloads, queues, nodepools, nodes, offerings`,
    );
  return k;
}

function writableKind(plural: string | undefined): { kind: string } {
  const k = kindOf(plural);
  if (!k.writable)
    throw errors.methodNotAllowed(`${plural} are reported by Roam, not written by clients`);
  return k;
}

function checkKind(input: unknown, kind: string): void {
  const given = (input as { kind?: unknown } | null)?.kind;
  if (given !== undefined && given !== kind)
    throw errors.badRequest(
      `the document is a ${String(given)}, but this path takes ${kind} documents`,
    );
}

/** Lists a kind: stored documents, with nodes joined to their live allocation. */
function listKind(
  plane: ControlPlane,
  kind: string,
  p: Principal,
  offerings: ApiServerOptions['offerings'],
): Doc[] {
  if (kind === 'Offering') return (offerings?.() ?? []) as Doc[];
  if (kind === 'Node') return plane.nodeDocuments().map((d) => nodeDocument(plane, d));
  if (kind === 'Colony') return plane.list(kind, p).map((d) => colonyDocument(plane, d));
  return plane.list(kind, p);
}

/** A Colony document with what it has now in `status` (nodes, GPUs, running work). */
function colonyDocument(plane: ControlPlane, doc: Doc): Doc {
  const status = plane.colonyStatus(doc.metadata.name);
  return status ? { ...doc, status } : doc;
}

/** A Node document with its live allocation in `status.allocation`. */
function nodeDocument(plane: ControlPlane, doc: Doc): Doc {
  const slot = plane.state.node(doc.metadata.name);
  if (!slot) return doc;
  const { name: _n, pool: _p, gpuModel: _g, gpus: _c, ...allocation } = nodeView(slot);
  return { ...doc, status: { ...(doc.status ?? {}), allocation } };
}

/** Streams watch events that pass `filter` and the principal's access, until the client leaves. */
async function streamWatch(
  ctx: RouteContext,
  plane: ControlPlane,
  p: Principal,
  filter: (e: WatchEvent) => boolean,
): Promise<void> {
  const stream = openEventStream(ctx.req, ctx.res);
  const unsubscribe = plane.watch.subscribe((e) => {
    if (!filter(e) || !visible(plane, p, e)) return;
    stream.send(e.type === 'EVENT' ? 'event' : 'change', e);
  });
  if (ctx.query.get('initial') !== 'false')
    stream.send('sync', { nodes: nodeViews(plane.state).length });
  await stream.closed;
  unsubscribe();
}

function visible(plane: ControlPlane, p: Principal, e: WatchEvent): boolean {
  if (p.role === 'admin') return true;
  if (e.type === 'EVENT') return plane.canSeeEvent(p, e.object);
  if (e.kind === 'Workload')
    return p.queues.includes(String((e.object.spec as { queue?: unknown } | undefined)?.queue));
  if (e.kind === 'Queue') return p.queues.includes(e.object.metadata.name);
  return true;
}
