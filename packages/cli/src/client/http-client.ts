import { UsageError } from '../io.js';
import type { ClientConfig } from './config.js';

/** An API error as the server reported it (a Kubernetes Status). */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly causes: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** A thin client of Roam's HTTP API. */
export class RoamClient {
  /** The server's world time at the last response, ms (for ages); real time until then. */
  serverTime = Date.now();

  constructor(readonly config: ClientConfig) {}

  /** Sends a request; returns the parsed JSON body or throws ApiCallError / UsageError. */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.call<T>(method, path, body)).body;
  }

  /** Like `request`, with the HTTP status of the reply. */
  async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.config.token !== undefined) headers.authorization = `Bearer ${this.config.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.config.server}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
      throw new UsageError(
        `cannot reach the Roam server at ${this.config.server} (${cause}); is it running? start it with 'roam up', or pass --server`,
        1,
      );
    }
    const time = Number(res.headers.get('x-roam-time'));
    if (Number.isFinite(time) && time > 0) this.serverTime = time;
    const text = await res.text();
    const parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (!res.ok) {
      const status = parsed as
        | { message?: string; details?: { causes?: { field: string; message: string }[] } }
        | undefined;
      throw new ApiCallError(
        res.status,
        status?.message ?? `${res.status} ${res.statusText}`,
        status?.details?.causes ?? [],
      );
    }
    return { status: res.status, body: parsed as T };
  }

  /** Opens a server-sent events stream and calls `onEvent` for each event until `signal` aborts. */
  async stream(
    path: string,
    onEvent: (event: string, data: unknown) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (this.config.token !== undefined) headers.authorization = `Bearer ${this.config.token}`;
    const res = await fetch(`${this.config.server}${path}`, { headers, signal });
    if (!res.ok || !res.body)
      throw new ApiCallError(res.status, `cannot watch: ${res.status} ${res.statusText}`);
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = res.body.getReader();
    for (;;) {
      const { value, done } = await reader.read().catch((e: unknown) => {
        if (signal.aborted) return { value: undefined, done: true };
        throw e;
      });
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const chunk = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        let data = '';
        for (const line of chunk.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data += line.slice(6);
        }
        if (data !== '') onEvent(event, JSON.parse(data));
      }
    }
  }
}
