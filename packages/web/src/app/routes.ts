/** A place in the dashboard, from the URL's hash (`#/workloads/llama`). */
export type Route =
  | { readonly view: 'overview' }
  | { readonly view: 'queues' }
  | { readonly view: 'workloads'; readonly query: Readonly<Record<string, string>> }
  | { readonly view: 'workload'; readonly name: string }
  | { readonly view: 'editor'; readonly name?: string }
  | { readonly view: 'fleet'; readonly node?: string }
  | { readonly view: 'spot' }
  | { readonly view: 'sim' }
  | { readonly view: 'signin'; readonly code: string }
  | { readonly view: 'not-found'; readonly path: string };

/** The route a location hash names. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [head, second, third] = parts;
  if (parts.length === 0) return { view: 'overview' };
  if (parts.length === 1 && (head === 'queues' || head === 'spot' || head === 'sim'))
    return { view: head };
  if (head === 'workloads') {
    if (second === undefined)
      return { view: 'workloads', query: Object.fromEntries(new URLSearchParams(search)) };
    if (second === 'new' && third === undefined) return { view: 'editor' };
    if (third === undefined) return { view: 'workload', name: second };
    if (third === 'edit' && parts.length === 3) return { view: 'editor', name: second };
  }
  if (head === 'fleet' && parts.length <= 2)
    return second !== undefined ? { view: 'fleet', node: second } : { view: 'fleet' };
  if (head === 'signin' && second !== undefined && parts.length === 2)
    return { view: 'signin', code: second };
  return { view: 'not-found', path: `/${parts.join('/')}` };
}

/** The hash of a route (the inverse of {@link parseRoute}). */
export function routeHref(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'overview':
      return '#/';
    case 'workloads': {
      const query = new URLSearchParams(
        Object.entries(route.query).filter(([, v]) => v !== ''),
      ).toString();
      return query === '' ? '#/workloads' : `#/workloads?${query}`;
    }
    case 'workload':
      return `#/workloads/${e(route.name)}`;
    case 'editor':
      return route.name !== undefined ? `#/workloads/${e(route.name)}/edit` : '#/workloads/new';
    case 'fleet':
      return route.node !== undefined ? `#/fleet/${e(route.node)}` : '#/fleet';
    case 'signin':
      return `#/signin/${e(route.code)}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.view}`;
  }
}
