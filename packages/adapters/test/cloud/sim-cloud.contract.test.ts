import { cloudPortContract } from './contract.js';
import { stochasticWorld, traceWorld } from './fixtures.js';

cloudPortContract('SimCloud on the stochastic market', stochasticWorld);
cloudPortContract('SimCloud replaying spot traces', traceWorld);
