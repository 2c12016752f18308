import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler gets: the request, the response, path parameters and the query. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
}

/** A route handler. */
export type Handler = (ctx: RouteContext) => Promise<void>;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly handler: Handler;
}

/** Matches `METHOD /path/:param` routes in the order they were added. */
export class Router {
  private readonly routes: Route[] = [];

  /** Adds a route; `:name` segments become parameters. */
  add(method: string, path: string, handler: Handler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}/?$`,
    );
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  /** The handler for a request and its parameters; `methods` lists the methods the path has when none matches. */
  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | { methods: string[] } {
    const methods: string[] = [];
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        methods.push(r.method);
        continue;
      }
      const params: Record<string, string> = {};
      r.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { handler: r.handler, params };
    }
    return { methods };
  }
}
