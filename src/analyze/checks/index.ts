import type { Check } from '../types.js';
import { deliveryCheck } from './delivery.js';
import { jargonCheck } from './jargon.js';
import { metricCheck } from './metric.js';
import { openingCheck } from './opening.js';
import { pillarsCheck } from './pillars.js';
import { starCheck } from './star.js';

/** Every check, in report order. */
export const CHECKS: readonly Check[] = [starCheck, pillarsCheck, metricCheck, jargonCheck, deliveryCheck, openingCheck];
