import type { Io } from '../../io.js';
import { UsageError } from '../../io.js';
import { clientFor, collection, CONNECTION_HELP, explainApiError, resolveKind } from './common.js';

export const describeHelp = `Usage: roam describe workload NAME

Shows a workload: its request, status, placement down to GPU indices and fractions, why it
waits or moved, and its events.
${CONNECTION_HELP}`;

interface WorkloadDoc {
  metadata: { name: string; creationTimestamp?: string; labels?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** `roam describe workload NAME`. */
export async function describeCommand(args: string[], io: Io): Promise<number> {
  const { positionals, client } = await clientFor(args, {});
  const [word, name] = positionals;
  const { plural, kind } = resolveKind(word);
  if (kind !== 'Workload')
    throw new UsageError(
      `describe supports workloads; for ${plural} use 'roam get ${plural} NAME -o yaml'`,
    );
  if (name === undefined) throw new UsageError('a workload name is required');
  try {
    const w = await client.request<WorkloadDoc>(
      'GET',
      `${collection(plural)}/${encodeURIComponent(name)}`,
    );
    const events = await client.request<{
      items: { time: string; type: string; reason: string }[];
    }>('GET', `${collection(plural)}/${encodeURIComponent(name)}/events`);
    io.out(renderWorkload(w, events.items));
    return 0;
  } catch (e) {
    return explainApiError(e);
  }
}

function renderWorkload(
  w: WorkloadDoc,
  events: readonly { time: string; type: string; reason: string }[],
): string {
  const s = w.spec;
  const st = w.status ?? {};
  const t = (s.template ?? {}) as Record<string, unknown>;
  const lines = [
    `Name:          ${w.metadata.name}`,
    `Queue:         ${String(s.queue)}`,
    `Class:         ${String(s.class ?? 'training')}${s.priority !== undefined ? `, priority ${String(s.priority)}` : ''}${s.preemptible !== undefined ? `, ${s.preemptible ? '' : 'not '}preemptible` : ''}`,
    `Replicas:      ${String(s.replicas ?? 1)} × { gpu: ${String(t.gpu ?? 0)}${t.gpuModels ? ` (${(t.gpuModels as string[]).join('|')})` : ''}, cpu: ${String(t.cpu ?? 0)}, memory: ${String(t.memory ?? 0)} }`,
    `Created:       ${w.metadata.creationTimestamp ?? '-'}`,
    `Phase:         ${String(st.phase ?? 'Pending')}`,
    `Reason:        ${String(st.reason ?? '-')}`,
  ];
  if (st.firstStartedAt !== undefined)
    lines.push(
      `Started:       ${String(st.firstStartedAt)}${st.startedAt !== st.firstStartedAt ? ` (this run: ${String(st.startedAt)})` : ''}`,
    );
  if (st.finishedAt !== undefined) lines.push(`Finished:      ${String(st.finishedAt)}`);
  lines.push(`Preemptions:   ${String(st.preemptions ?? 0)}`);
  if (st.progressSeconds !== undefined)
    lines.push(`Progress:      ${formatDuration(Number(st.progressSeconds))} of work done`);
  const placements =
    (st.placements as
      { node: string; gpus: { index: number; fraction: number }[] }[] | undefined) ?? [];
  if (placements.length > 0) {
    lines.push('Placement:');
    placements.forEach((p, i) =>
      lines.push(
        `  replica ${i}: ${p.node} ${p.gpus.map((g) => `gpu${g.index}${g.fraction < 1 ? ` (${g.fraction})` : ''}`).join(', ') || '(no GPU)'}`,
      ),
    );
  }
  lines.push('Events:');
  if (events.length === 0) lines.push('  (none)');
  for (const e of events) lines.push(`  ${e.time}  ${e.type.padEnd(11)} ${e.reason}`);
  return lines.join('\n');
}

function formatDuration(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}h${m}m` : m > 0 ? `${m}m${s % 60}s` : `${s}s`;
}
