import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from '../src/app/routes.js';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { view: 'overview' }],
    ['#/', { view: 'overview' }],
    ['#/queues', { view: 'queues' }],
    ['#/workloads', { view: 'workloads', query: {} }],
    [
      '#/workloads?queue=nlp&phase=Pending',
      { view: 'workloads', query: { queue: 'nlp', phase: 'Pending' } },
    ],
    ['#/workloads/new', { view: 'editor' }],
    ['#/workloads/llama%2Dft', { view: 'workload', name: 'llama-ft' }],
    ['#/workloads/llama/edit', { view: 'editor', name: 'llama' }],
    ['#/fleet', { view: 'fleet' }],
    ['#/fleet/a100-01', { view: 'fleet', node: 'a100-01' }],
    ['#/spot', { view: 'spot' }],
    ['#/sim', { view: 'sim' }],
    ['#/signin/AbC_-9', { view: 'signin', code: 'AbC_-9' }],
    ['#/nowhere/else', { view: 'not-found', path: '/nowhere/else' }],
    ['#/workloads/a/b/c', { view: 'not-found', path: '/workloads/a/b/c' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('writes hashes that parse back to the same route', () => {
    const routes: Route[] = [
      { view: 'overview' },
      { view: 'workloads', query: { queue: 'a b', phase: 'Running' } },
      { view: 'workload', name: 'x/y' },
      { view: 'editor' },
      { view: 'editor', name: 'w' },
      { view: 'fleet', node: 'n-1' },
      { view: 'sim' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
    expect(routeHref({ view: 'workloads', query: { queue: '', phase: '' } })).toBe('#/workloads');
  });
});
