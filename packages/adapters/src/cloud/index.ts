/** The simulated multi-cloud: a digital twin of AWS, GCP and Azure with spot market models. */
export { SimCloud, type MarketUsage, type SimCloudOptions } from './sim-cloud.js';
export type { PlannedReclaim, SavedInstance, SimCloudSnapshot } from './snapshot.js';
export type {
  MarketPlace,
  PlaceQuote,
  SpotMarketModel,
  Withdrawal,
  WithdrawalCause,
} from './market-model.js';
export { StochasticMarket, type StochasticMarketOptions } from './stochastic-market.js';
export {
  interruptionBandScale,
  TRACE_CALIBRATED_PARAMETERS,
  type StochasticMarketParameters,
} from './stochastic-calibration.js';
export {
  TraceMarket,
  type TraceBinding,
  type TraceMarketOptions,
  type TracePrices,
} from './trace-market.js';
export { cloudOfZone, offeringZones, regionOfZone } from './zones.js';
export { CLOUD_NODE_LABELS } from './cloud-node.js';
export {
  BOOT_JITTER,
  CLOUD_BEHAVIOUR,
  TERMINATE_DELAY_MS,
  type CloudBehaviour,
} from './providers.js';
