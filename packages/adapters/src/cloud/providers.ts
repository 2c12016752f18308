import { MS_PER_SECOND, type Cloud } from '@roam/core';

/** How a cloud behaves towards its instances in the simulated cloud. */
export interface CloudBehaviour {
  /** The name reasons use: `AWS`, `GCP`, `Azure`. */
  readonly displayName: string;
  /** Time from a launch request to a ready instance, before jitter, ms. */
  readonly bootMs: number;
  /** How long before a spot reclaim the cloud tells the instance, ms. */
  readonly noticeMs: number;
}

/**
 * Each cloud's behaviour. Notices are the providers' documented ones: AWS's two-minute
 * spot interruption notice (EC2 user guide, "Spot Instance interruption notices"); GCP's
 * 30 s preemption notice for Spot VMs (Compute Engine docs, "Spot VMs", preemption
 * process); Azure's eviction notice of at least 30 s through Scheduled Events (Azure docs,
 * "Use Azure Spot Virtual Machines"). Boot delays are estimates of a GPU VM's time from
 * request to a booted OS with drivers: AWS 90 s, GCP 60 s, Azure 120 s.
 */
export const CLOUD_BEHAVIOUR: Readonly<Record<Cloud, CloudBehaviour>> = {
  aws: { displayName: 'AWS', bootMs: 90 * MS_PER_SECOND, noticeMs: 120 * MS_PER_SECOND },
  gcp: { displayName: 'GCP', bootMs: 60 * MS_PER_SECOND, noticeMs: 30 * MS_PER_SECOND },
  azure: { displayName: 'Azure', bootMs: 120 * MS_PER_SECOND, noticeMs: 30 * MS_PER_SECOND },
};

/** A boot delay varies uniformly within ± this fraction of the cloud's `bootMs`. */
export const BOOT_JITTER = 0.1;

/** Time from `terminate` to the `terminated` event, ms. */
export const TERMINATE_DELAY_MS = 5 * MS_PER_SECOND;
