import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error.js';
import { API } from '../../api/client.js';
import type { WorkloadDoc } from '../../api/types.js';
import { routeHref } from '../../app/routes.js';
import { navigate } from '../../app/use-route.js';
import { useSession, useStore } from '../../data/store-context.js';
import { submittableQueues } from '../../model/permissions.js';
import { editableYaml, newWorkloadYaml } from '../../model/workload-yaml.js';
import { locateCauses, parseYaml, type LineError } from '../../model/yaml-errors.js';
import { Notice } from '../../ui/Notice.js';
import { YamlEditor } from './YamlEditor.js';

/**
 * Submit a new workload, or edit one, as YAML. The document is checked for YAML syntax
 * here and validated by the server; its field errors are shown at their lines.
 */
export default function EditorView({ name }: { name?: string }) {
  const { client, principal } = useSession();
  const store = useStore();
  const [text, setText] = useState<string>();
  const [errors, setErrors] = useState<readonly LineError[]>([]);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const queues = submittableQueues(
    principal,
    store.queues.all().map((q) => q.metadata.name),
  );
  const firstQueue = queues[0] ?? 'default';
  const loaded = store.connection !== 'connecting';

  useEffect(() => {
    if (name === undefined) {
      if (loaded) setText((t) => t ?? newWorkloadYaml(firstQueue));
      return;
    }
    let live = true;
    client
      .get<WorkloadDoc>(`${API}/workloads/${encodeURIComponent(name)}`)
      .then((doc) => live && setText(editableYaml(doc)))
      .catch((e: Error) => live && setMessage(e.message));
    return () => {
      live = false;
    };
  }, [client, name, firstQueue, loaded]);

  const submit = async (): Promise<void> => {
    if (text === undefined) return;
    setMessage(undefined);
    const parsed = parseYaml(text);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setMessage('The YAML does not parse: fix the marked lines.');
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const doc =
        name === undefined
          ? await client.request<WorkloadDoc>('POST', `${API}/workloads`, parsed.value)
          : await client.request<WorkloadDoc>(
              'PUT',
              `${API}/workloads/${encodeURIComponent(name)}`,
              parsed.value,
            );
      store.refreshSoon();
      navigate({ view: 'workload', name: doc.metadata.name });
    } catch (e) {
      const err = e as Error;
      setMessage(err.message);
      if (err instanceof ApiError && err.causes.length > 0)
        setErrors(locateCauses(text, err.causes));
    } finally {
      setBusy(false);
    }
  };

  const title = name === undefined ? 'New workload' : `Edit ${name}`;
  return (
    <div className="view">
      <header className="view-head">
        <div>
          <p className="muted" style={{ margin: 0 }}>
            <a href={routeHref({ view: 'workloads', query: {} })}>Workloads</a>
            {name !== undefined && (
              <>
                {' '}
                / <a href={routeHref({ view: 'workload', name })}>{name}</a>
              </>
            )}
          </p>
          <h1>{title}</h1>
          <p className="lede">
            A Workload document (
            {name === undefined
              ? `you may submit to ${queues.join(', ') || 'no queue'}`
              : 'only a pending workload’s spec can change'}
            ). The server checks every field; errors appear at their lines. Ctrl+Enter submits.
          </p>
        </div>
      </header>
      {message !== undefined && <Notice tone="danger">{message}</Notice>}
      <section className="card">
        {text === undefined ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <YamlEditor
              id="workload-yaml"
              label={`${title} (YAML)`}
              text={text}
              errors={errors}
              onChange={setText}
              onSubmit={() => void submit()}
            />
            <div style={{ display: 'flex', gap: 8, marginTop: 14 }}>
              <button type="submit" className="button primary" disabled={busy}>
                {busy ? 'Submitting…' : name === undefined ? 'Submit workload' : 'Apply changes'}
              </button>
              <a
                className="button"
                href={
                  name === undefined
                    ? routeHref({ view: 'workloads', query: {} })
                    : routeHref({ view: 'workload', name })
                }
              >
                Cancel
              </a>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
