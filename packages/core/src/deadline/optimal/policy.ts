import type { DeadlineJob } from '../job.js';
import { NO_INSTANCE, ON_DEMAND } from '../instance.js';
import type { SpotWindow } from '../observation.js';
import { deadlineDecision, type DeadlinePolicy } from '../policy.js';
import { optimalPlan, type OptimalPlan } from './solve.js';

const PLANNED = 'offline optimum: the cheapest schedule that meets the deadline, knowing the trace';
const NO_PLAN =
  'not even on-demand can meet the deadline: on-demand, to finish as early as possible';

/** A policy that replays `plan` tick by tick (holding nothing once the plan is over). */
function planPolicy(plan: OptimalPlan): DeadlinePolicy {
  return {
    name: 'optimal',
    decide: (state) => deadlineDecision(plan.actions[state.tick] ?? NO_INSTANCE, PLANNED),
  };
}

/**
 * `optimal`: not an online policy, since it reads the whole window before the job starts.
 * Replays `optimalPlan`; when no schedule meets the deadline, runs on-demand, which
 * finishes soonest.
 */
export function optimalPolicy(job: DeadlineJob, window: SpotWindow): DeadlinePolicy {
  const plan = optimalPlan(job, window);
  if (plan !== null) return planPolicy(plan);
  return { name: 'optimal', decide: () => deadlineDecision(ON_DEMAND, NO_PLAN) };
}
