import { DomainError } from '../shared/domain-error.ts';

/**
 * Check-in radius bounds: under 50 m a phone's own error decides; over 5 km "on site" means nothing.
 * Both the org's radius and a customer's own obey them.
 */
export const radiusBounds = { min: 50, max: 5000 } as const;

/** Words that take a customer back to the org's radius. */
const DEFAULT_WORDS = new Set(['默认', '公司', '关', '取消', 'default', 'off', 'none', 'org']);

/**
 * Metres from what was typed: `300米`, `300m`, `300 M`, `1km`, `1.5公里`, `1千米`, or a bare number
 * (metres). Null for a default word (a customer only). Out of bounds or unreadable is refused.
 */
export function parseRadius(typed: string, allowDefault = true): number | null {
  const text = typed.trim().toLowerCase();
  if (allowDefault && DEFAULT_WORDS.has(text)) return null;
  const match = /^(\d+(?:\.\d+)?)\s*(米|m|meters?|metres?|公里|千米|km)?$/u.exec(text);
  if (!match) throw new DomainError('radiusUnreadable', { typed: typed.trim() });
  const km = match[2] === '公里' || match[2] === '千米' || match[2] === 'km';
  const meters = Math.round(Number(match[1]) * (km ? 1000 : 1));
  if (meters < radiusBounds.min || meters > radiusBounds.max) throw new DomainError('radiusOutOfRange', { ...radiusBounds });
  return meters;
}
