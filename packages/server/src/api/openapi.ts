import { API_PREFIX, KINDS } from './kinds.js';

type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({
  type: 'string',
  ...(description ? { description } : {}),
});
const num = (description?: string): Schema => ({
  type: 'number',
  ...(description ? { description } : {}),
});
const int = (description?: string): Schema => ({
  type: 'integer',
  ...(description ? { description } : {}),
});
const bool = (description?: string): Schema => ({
  type: 'boolean',
  ...(description ? { description } : {}),
});
const arr = (items: Schema): Schema => ({ type: 'array', items });
const obj = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const labels: Schema = { type: 'object', additionalProperties: { type: 'string' } };
const quantity = (what: string): Schema => ({
  oneOf: [{ type: 'number' }, { type: 'string' }],
  description: what,
});

const placement = obj({
  node: str(),
  gpus: arr(obj({ index: int(), fraction: num('share of the GPU, 0…1') })),
});

/** Component schemas of the API's documents. */
const SCHEMAS: Record<string, Schema> = {
  ObjectMeta: obj(
    {
      name: str('lowercase letters, digits and -, at most 63'),
      namespace: str(),
      labels,
      annotations: labels,
      resourceVersion: str('set by the server; give it back to update only if unchanged'),
      uid: str(),
      creationTimestamp: str('RFC 3339'),
    },
    ['name'],
  ),
  Workload: obj(
    {
      apiVersion: { const: 'roam.dev/v1alpha1' },
      kind: { const: 'Workload' },
      metadata: ref('ObjectMeta'),
      spec: obj(
        {
          queue: str(),
          class: { enum: ['interactive', 'training', 'inference'] },
          priority: int(),
          preemptible: bool(),
          replicas: int('gang size'),
          template: obj({
            gpu: num('whole GPUs, or a fraction below 1'),
            gpuModels: arr(str()),
            cpu: quantity('cores or 500m'),
            memory: quantity('64Gi'),
          }),
          nodePools: arr(str()),
          nodeSelector: labels,
          checkpoint: obj({ intervalMinutes: num(), size: str(), sizeGi: num() }),
          migration: obj({ memory: str(), dirtyRateMiBps: num() }),
          capacity: obj({
            market: { enum: ['spot', 'on-demand', 'auto'] },
            maxPricePerHour: num(),
            clouds: arr(str()),
            regions: arr(str()),
          }),
          deadline: str('duration from submission, e.g. 36h'),
          expectedDuration: str('e.g. 2h30m'),
        },
        ['queue', 'template'],
      ),
      status: obj({
        phase: { enum: ['Pending', 'Running', 'Preempting', 'Succeeded', 'Failed', 'Cancelled'] },
        reason: str('why it is pending, where it runs, why it stopped'),
        pendingCode: str(),
        submittedAt: str(),
        firstStartedAt: str(),
        startedAt: str(),
        finishedAt: str(),
        preemptions: int(),
        progressSeconds: int(),
        placements: arr(placement),
        onDemandOnly: str(
          'why Roam keeps it on on-demand capacity (moved off spot for its deadline)',
        ),
      }),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  Queue: obj(
    {
      apiVersion: { const: 'roam.dev/v1alpha1' },
      kind: { const: 'Queue' },
      metadata: ref('ObjectMeta'),
      spec: obj({
        parent: str(),
        quota: arr(
          obj(
            {
              nodePool: str(),
              deservedGpus: num(),
              overQuotaWeight: num(),
              limitGpus: num('-1 for no limit'),
            },
            ['nodePool'],
          ),
        ),
      }),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  NodePool: obj(
    {
      apiVersion: { const: 'roam.dev/v1alpha1' },
      kind: { const: 'NodePool' },
      metadata: ref('ObjectMeta'),
      spec: obj({
        placement: { enum: ['roam', 'binpack', 'spread', 'fgd'] },
        labels,
        static: obj({
          machines: arr(
            obj({
              count: int(),
              gpuModel: str(),
              gpus: int(),
              cpu: quantity('cores'),
              memory: quantity('1Ti'),
              labels,
            }),
          ),
        }),
        elastic: obj({
          clouds: arr(str()),
          regions: arr(str()),
          instanceTypes: arr(str()),
          gpuModels: arr(str()),
          market: { enum: ['spot', 'on-demand', 'auto'] },
          minNodes: int(),
          maxNodes: int(),
          idleTimeToLive: str(),
        }),
      }),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  Colony: obj(
    {
      apiVersion: { const: 'roam.dev/v1alpha1' },
      kind: { const: 'Colony' },
      metadata: ref('ObjectMeta'),
      spec: obj(
        {
          nodePools: arr(str()),
          dependencies: arr(obj({ name: str(), version: str() }, ['name'])),
          lifetime: { enum: ['persistent', 'ephemeral'] },
        },
        ['nodePools'],
      ),
      status: obj({
        phase: { enum: ['Active', 'Idle'] },
        nodes: int(),
        gpus: int(),
        nodesByMarket: { type: 'object', additionalProperties: { type: 'integer' } },
        runningWorkloads: int(),
        missingNodePools: arr(str()),
      }),
    },
    ['apiVersion', 'kind', 'metadata', 'spec'],
  ),
  Node: obj({
    apiVersion: { const: 'roam.dev/v1alpha1' },
    kind: { const: 'Node' },
    metadata: ref('ObjectMeta'),
    status: obj({
      pool: str(),
      gpuModel: str(),
      gpus: int(),
      cpu: str(),
      memory: str(),
      market: { enum: ['on-prem', 'on-demand', 'spot'] },
      lifecycle: { enum: ['Provisioning', 'Ready', 'Draining', 'Terminating', 'Lost'] },
      cordoned: bool(),
      zone: str(),
      pricePerHour: num(),
      reclaimRisk: num('chance of a reclaim within the next hour (spot nodes)'),
      allocation: obj({
        gpuAllocation: arr(num('allocated share of each GPU')),
        cpu: obj({ allocatedMilli: int(), capacityMilli: int() }),
        memory: obj({ allocatedMiB: int(), capacityMiB: int() }),
        schedulable: bool(),
        workloads: arr(str()),
      }),
    }),
  }),
  Offering: obj({ metadata: ref('ObjectMeta'), spec: { type: 'object' } }),
  Event: obj({
    seq: int(),
    time: str(),
    type: str(),
    workload: str(),
    node: str(),
    queue: str(),
    reason: str(),
    code: str(),
  }),
  QueueStatus: obj({
    name: str(),
    parent: str(),
    deservedGpus: num(),
    limitGpus: { oneOf: [{ type: 'number' }, { type: 'null' }] },
    fairShareGpus: num(),
    allocatedGpus: num(),
    pendingGpus: num(),
    runningWorkloads: int(),
    pendingWorkloads: int(),
    costPerHour: num(),
  }),
  Status: obj({
    apiVersion: str(),
    kind: { const: 'Status' },
    status: { enum: ['Success', 'Failure'] },
    message: str(),
    reason: str(),
    code: int(),
    details: obj({ causes: arr(obj({ field: str(), message: str(), reason: str() })) }),
  }),
  Principal: obj({
    name: str(),
    role: { enum: ['admin', 'queue-admin', 'member'] },
    queues: arr(str()),
  }),
};

const errorsOf = (...codes: number[]): Record<string, Schema> =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: ERROR_TEXT[c] ?? 'error', content: json(ref('Status')) },
    ]),
  );
const ERROR_TEXT: Record<number, string> = {
  400: 'bad request',
  401: 'no or invalid bearer token',
  403: 'the token may not do this',
  404: 'not found',
  409: 'already exists, or changed since read (resourceVersion)',
  422: 'invalid document: details.causes name each field',
};
const json = (schema: Schema): Record<string, Schema> => ({
  'application/json': { schema },
  'application/yaml': { schema },
});
const listOf = (kind: string): Schema =>
  obj({ apiVersion: str(), kind: { const: `${kind}List` }, items: arr(ref(kind)) });

/** The OpenAPI 3.1 description of the API, served at `/openapi.json`. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const k of KINDS) {
    const collection: Record<string, unknown> = {
      get: {
        summary: `List ${k.plural} (or watch them with ?watch=true as server-sent events)`,
        parameters: [
          { name: 'labelSelector', in: 'query', schema: str() },
          {
            name: 'fieldSelector',
            in: 'query',
            schema: str('e.g. spec.queue=nlp,status.phase=Running'),
          },
          { name: 'watch', in: 'query', schema: bool() },
        ],
        responses: {
          200: { description: 'the list', content: json(listOf(k.kind)) },
          ...errorsOf(401, 403),
        },
      },
    };
    const item: Record<string, unknown> = {
      parameters: [{ name: 'name', in: 'path', required: true, schema: str() }],
      get: {
        summary: `Read a ${k.kind}`,
        responses: {
          200: { description: 'the object', content: json(ref(k.kind)) },
          ...errorsOf(401, 404),
        },
      },
    };
    if (k.writable) {
      collection.post = {
        summary: `Create a ${k.kind} (409 if it exists)`,
        requestBody: { required: true, content: json(ref(k.kind)) },
        responses: {
          201: { description: 'created', content: json(ref(k.kind)) },
          ...errorsOf(400, 401, 403, 409, 422),
        },
      };
      item.put = {
        summary: `Apply a ${k.kind}: create or update (with metadata.resourceVersion: only if unchanged)`,
        requestBody: { required: true, content: json(ref(k.kind)) },
        responses: {
          200: { description: 'updated', content: json(ref(k.kind)) },
          201: { description: 'created', content: json(ref(k.kind)) },
          ...errorsOf(400, 401, 403, 409, 422),
        },
      };
      item.delete = {
        summary: `Delete a ${k.kind}`,
        responses: {
          200: { description: 'deleted', content: json(ref(k.kind)) },
          ...errorsOf(401, 403, 404),
        },
      };
    }
    paths[`${API_PREFIX}/${k.plural}`] = collection;
    paths[`${API_PREFIX}/${k.plural}/{name}`] = item;
  }
  const nameParam = [{ name: 'name', in: 'path', required: true, schema: str() }];
  paths[`${API_PREFIX}/workloads/{name}/events`] = {
    parameters: nameParam,
    get: {
      summary: "A workload's events",
      responses: {
        200: { description: 'events', content: json(obj({ items: arr(ref('Event')) })) },
      },
    },
  };
  paths[`${API_PREFIX}/workloads/{name}/requeue`] = {
    parameters: nameParam,
    post: {
      summary: 'Evict a running workload and queue it again',
      responses: { 202: { description: 'requeued' }, ...errorsOf(401, 403, 404, 409) },
    },
  };
  paths[`${API_PREFIX}/nodes/{name}/cordon`] = {
    parameters: nameParam,
    post: {
      summary: 'Place no new work on a node',
      responses: { 200: { description: 'cordoned' }, ...errorsOf(401, 403, 404) },
    },
  };
  paths[`${API_PREFIX}/nodes/{name}/uncordon`] = {
    parameters: nameParam,
    post: {
      summary: 'Place work on a node again',
      responses: { 200: { description: 'uncordoned' }, ...errorsOf(401, 403, 404) },
    },
  };
  paths[`${API_PREFIX}/events`] = {
    get: {
      summary: 'Recent events (?workload=, ?limit=, ?watch=true)',
      responses: {
        200: { description: 'events', content: json(obj({ items: arr(ref('Event')) })) },
      },
    },
  };
  paths[`${API_PREFIX}/watch`] = {
    get: {
      summary: 'Every resource change and event, as server-sent events',
      responses: { 200: { description: 'text/event-stream' } },
    },
  };
  paths[`${API_PREFIX}/queuestatus`] = {
    get: {
      summary: "Each queue's deserved, fair-share, allocated and pending GPUs and cost",
      responses: {
        200: { description: 'queues', content: json(obj({ items: arr(ref('QueueStatus')) })) },
      },
    },
  };
  paths[`${API_PREFIX}/tokens`] = {
    get: { summary: 'List tokens (admin)', responses: { 200: { description: 'tokens' } } },
    post: {
      summary: 'Create a token (admin); the token is shown once',
      responses: { 201: { description: 'created' }, ...errorsOf(400, 401, 403) },
    },
  };
  paths['/whoami'] = {
    get: {
      summary: 'Who the token belongs to',
      responses: { 200: { description: 'principal', content: json(ref('Principal')) } },
    },
  };
  paths['/metrics'] = {
    get: {
      summary: 'Prometheus metrics',
      responses: { 200: { description: 'text/plain; version=0.0.4' } },
    },
  };
  paths['/healthz'] = {
    get: {
      summary: 'Liveness (no token needed)',
      security: [],
      responses: { 200: { description: 'ok' } },
    },
  };
  paths['/readyz'] = {
    get: {
      summary: 'Readiness (no token needed)',
      security: [],
      responses: { 200: { description: 'ready' } },
    },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Roam API',
      version: 'v1alpha1',
      description: 'Roam control plane: GPU workloads across clouds and on-prem.',
    },
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: SCHEMAS,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
