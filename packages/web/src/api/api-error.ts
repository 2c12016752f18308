import type { ApiStatus } from './types.js';

/** One field the server refused, as a 422 reply's `details.causes` names it. */
export interface FieldCause {
  readonly field: string;
  readonly message: string;
}

/** An error reply of the API (a Kubernetes `Status`), or a failure to reach it (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason = '',
    readonly causes: readonly FieldCause[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The error a failed reply with this status and body stands for. */
  static fromReply(status: number, statusText: string, body: unknown): ApiError {
    const s = (typeof body === 'object' && body !== null ? body : {}) as ApiStatus;
    const causes = (s.details?.causes ?? []).map((c) => ({
      field: c.field ?? '',
      message: c.message ?? '',
    }));
    return new ApiError(status, s.message ?? `${status} ${statusText}`, s.reason ?? '', causes);
  }
}
