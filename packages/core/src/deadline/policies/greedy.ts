import type { DeadlinePolicy, DeadlinePolicyFactory } from '../policy.js';
import { decideAcrossZones, withSafetyNets, type PaperChoice } from './paper-rules.js';

const SPOT: PaperChoice = { request: 'spot', reason: 'spot is available' };
const WAIT: PaperChoice = { request: 'none', reason: 'no spot: waiting while there is slack' };

/**
 * `greedy` (the paper's "strawman", its mature version): spot whenever it is available,
 * nothing otherwise, until the safety nets send the job to on-demand for good.
 */
export const greedyPolicy: DeadlinePolicyFactory = ({ job }): DeadlinePolicy => ({
  name: 'greedy',
  decide: (state, observation) =>
    decideAcrossZones(
      (s, hasSpot) => withSafetyNets(job, s, hasSpot, hasSpot ? SPOT : WAIT),
      state,
      observation,
    ),
});
