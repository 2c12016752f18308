import { ON_DEMAND } from '../instance.js';
import { deadlineDecision, type DeadlinePolicy, type DeadlinePolicyFactory } from '../policy.js';

const RUN = deadlineDecision(ON_DEMAND, 'on-demand only');

/** `on-demand`: launch on-demand at once and keep it until the job is done. The baseline. */
export const onDemandPolicy: DeadlinePolicyFactory = (): DeadlinePolicy => ({
  name: 'on-demand',
  decide: () => RUN,
});
