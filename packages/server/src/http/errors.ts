/** One invalid field, as Kubernetes' Status details report it. */
export interface Cause {
  readonly field: string;
  readonly message: string;
}

/**
 * An API error with its HTTP status and a Kubernetes-style reason. Rendered as a
 * `Status` object so kubectl-like clients understand it.
 */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly causes: readonly Cause[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The `Status` document for the response body. */
  toStatus(): Record<string, unknown> {
    const status: Record<string, unknown> = {
      apiVersion: 'v1',
      kind: 'Status',
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.causes.length > 0)
      status.details = {
        causes: this.causes.map((c) => ({
          field: c.field,
          message: c.message,
          reason: 'FieldValueInvalid',
        })),
      };
    return status;
  }
}

/** Helpers for the common errors. */
export const errors = {
  badRequest: (message: string): ApiError => new ApiError(400, 'BadRequest', message),
  unauthorized: (message: string): ApiError => new ApiError(401, 'Unauthorized', message),
  forbidden: (message: string): ApiError => new ApiError(403, 'Forbidden', message),
  notFound: (message: string): ApiError => new ApiError(404, 'NotFound', message),
  methodNotAllowed: (message: string): ApiError => new ApiError(405, 'MethodNotAllowed', message),
  alreadyExists: (message: string): ApiError => new ApiError(409, 'AlreadyExists', message),
  conflict: (message: string): ApiError => new ApiError(409, 'Conflict', message),
  tooLarge: (message: string): ApiError => new ApiError(413, 'RequestEntityTooLarge', message),
  unsupportedMediaType: (message: string): ApiError =>
    new ApiError(415, 'UnsupportedMediaType', message),
  invalid: (message: string, causes: readonly Cause[]): ApiError =>
    new ApiError(422, 'Invalid', message, causes),
  unavailable: (message: string): ApiError => new ApiError(503, 'ServiceUnavailable', message),
};
