/** One problem with one field of a resource document. */
export interface FieldError {
  /** Dotted path to the field, e.g. `spec.template.gpu` or `spec.quota[0].limitGpus`. */
  readonly path: string;
  /** Why the value was refused, for a person to read. */
  readonly reason: string;
}

/** Where a document came from and what it is, to prefix its errors. */
export interface DocumentOrigin {
  /** File name, `-` for standard input, or `request` for the API. */
  readonly source: string;
  /** 0-based position of the document in a multi-document stream. */
  readonly index: number;
  readonly kind?: string;
  readonly name?: string;
}

/** A field error located in a document: what `roam validate` and the API report. */
export interface DocumentError extends FieldError {
  readonly origin: DocumentOrigin;
}

/**
 * Formats an error as `source: Kind/name: path: reason`, falling back to
 * `source: document N` when the document has no kind or name yet.
 */
export function formatDocumentError(error: DocumentError): string {
  const { origin } = error;
  const what =
    origin.kind !== undefined && origin.name !== undefined
      ? `${origin.kind}/${origin.name}`
      : `document ${origin.index + 1}${origin.kind !== undefined ? ` (${origin.kind})` : ''}`;
  const path = error.path === '' ? '' : `${error.path}: `;
  return `${origin.source}: ${what}: ${path}${error.reason}`;
}
