import type { Language } from '../intents/types.ts';

/**
 * Distances as every reply, alert, digest, plan and console page writes them, so one distance reads
 * the same wherever it appears: whole metres below 1 km, kilometres with one decimal from 1 km
 * ("350 m", "7.8 km"; "350 米", "7.8 公里"). Catalogues take their language's function.
 */
export const formatDistance: Readonly<Record<Language, (meters: number) => string>> = {
  'en-US': (meters) => (meters >= 1000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters)} m`),
  'zh-CN': (meters) => (meters >= 1000 ? `${(meters / 1000).toFixed(1)} 公里` : `${Math.round(meters)} 米`),
};
