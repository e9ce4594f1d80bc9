/** A position typed after a name: `签到 华为 22.54,113.95`, `new customer Acme 22.54 113.95`. */
import type { TypedCoordinates } from './types.ts';
import { trimEndWhere } from './command-text.ts';

/** A number as typed: `22.54`, `-33.9`, `+1.`, `.5`, and the literals NaN / Infinity (validated later). */
const NUMBER_TOKEN = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+|NaN|Infinity)`;
/**
 * A trailing `lat,lng` pair (comma possibly full-width, spaces allowed around it; a trailing `。` or
 * spaces are trimmed before matching). The lookbehind
 * keeps the pair from starting inside a word or number (`Acme2,3`) but allows a Chinese name glued
 * to it (`华为22.5,113.9`).
 */
const TRAILING_COORDINATES = new RegExp(
  String.raw`(?<![\w.+-])(${NUMBER_TOKEN})\s*,\s*(${NUMBER_TOKEN})$`,
  'iu',
);
/**
 * `22.54 113.95`: a pair separated by spaces only, as copied from some map apps. Both numbers need a
 * decimal point, so a name ending in numbers (`7 11`, `Building 3 4`) stays a name.
 */
const TRAILING_SPACED_COORDINATES = /(?<![\w.+-])([+-]?\d+\.\d+)\s+([+-]?\d+\.\d+)$/u;

export function splitTrailingCoordinates(args: string): { rest: string; coordinates?: TypedCoordinates } {
  const text = trimEndWhere(args, (char) => /[\s。]/u.test(char));
  const match = TRAILING_COORDINATES.exec(text) ?? TRAILING_SPACED_COORDINATES.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined) return { rest: args };
  return {
    rest: text.slice(0, match.index),
    coordinates: { lat: toNumber(match[1]), lng: toNumber(match[2]) },
  };
}

function toNumber(token: string): number {
  // Number() only knows the exact spelling 'Infinity'; users may type 'infinity' or 'nan'.
  const unsigned = token.replace(/^[+-]/, '').toLowerCase();
  if (unsigned === 'nan') return Number.NaN;
  if (unsigned === 'infinity') return token.startsWith('-') ? -Infinity : Infinity;
  return Number(token);
}
