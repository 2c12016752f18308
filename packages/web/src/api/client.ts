import { ApiError } from './api-error.js';
import { SseParser } from './sse.js';

/** Where the resource paths of the API start. */
export const API = '/apis/roam.dev/v1alpha1';

/** What a client reports besides replies. */
export interface ClientHooks {
  /** The server's world time (`x-roam-time`) seen at real time `realMs`. */
  readonly onTime?: (worldMs: number, realMs: number) => void;
  /** A reply said the token is missing or no longer valid. */
  readonly onUnauthorized?: (error: ApiError) => void;
}

/**
 * A client of Roam's HTTP API on the page's origin: JSON in and out, the bearer token on
 * every request, errors as {@link ApiError}, and server-sent events read with `fetch`
 * (EventSource cannot send an Authorization header).
 */
export class ApiClient {
  constructor(
    private readonly token: string | undefined,
    private readonly hooks: ClientHooks = {},
    private readonly base = '',
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** Sends a request; resolves with the parsed JSON reply. */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(path, {
      method,
      headers: this.headers(body !== undefined ? 'application/json' : undefined),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!res.ok) throw this.failure(ApiError.fromReply(res.status, res.statusText, parsed));
    return parsed as T;
  }

  /** GET shorthand. */
  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /**
   * Reads a server-sent events stream, calling `onEvent` with each event's name and
   * parsed data, until the server ends it (resolves) or `signal` aborts (resolves).
   */
  async stream(
    path: string,
    onEvent: (event: string, data: unknown) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const res = await this.send(path, {
      headers: { ...this.headers(), accept: 'text/event-stream' },
      signal,
    });
    if (!res.ok || !res.body) {
      const body: unknown = await res.json().catch(() => undefined);
      throw this.failure(ApiError.fromReply(res.status, res.statusText, body));
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const m of parser.push(decoder.decode(value, { stream: true })))
          onEvent(m.event, JSON.parse(m.data));
      }
    } catch (e) {
      if (signal.aborted) return;
      throw e;
    }
  }

  private headers(contentType?: string): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json' };
    if (this.token !== undefined) h.authorization = `Bearer ${this.token}`;
    if (contentType !== undefined) h['content-type'] = contentType;
    return h;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, init);
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(
        0,
        `cannot reach the Roam server (${(e as Error).message})`,
        'Unreachable',
      );
    }
    const world = Number(res.headers.get('x-roam-time'));
    if (Number.isFinite(world) && world > 0) this.hooks.onTime?.(world, Date.now());
    return res;
  }

  private failure(error: ApiError): ApiError {
    if (error.status === 401) this.hooks.onUnauthorized?.(error);
    return error;
  }
}
