/**
 * Matching what a rep typed ("华为", "ＨＵＡＷＥＩ", "hw", "huawei") against an org's customers.
 *
 * Pure apart from a memo of per-string search keys: pinyin conversion costs tens of microseconds
 * per name, which over a few thousand customers on every message would dominate, while the same
 * names recur message after message.
 */
import { pinyin } from 'pinyin-pro';

/** The fields matching needs; repository rows with more fields pass through unchanged. */
export interface CandidateCustomer {
  id: string;
  name: string;
  aliases: string[];
}

/** How a key was derived; a typed name beats a pinyin reading of it, which beats initials. */
type KeyKind = 'text' | 'pinyin' | 'initials';
const KIND_RANK: Record<KeyKind, number> = { text: 0, pinyin: 1, initials: 2 };

interface SearchKey {
  text: string;
  kind: KeyKind;
  /** For pinyin keys: offsets where syllables start, so "weijishu" can match 华为技术 but "uawei" cannot. */
  syllableStarts?: number[];
}

const HAN = /\p{Script=Han}/u;
/** Scripts where one character is already a meaningful query (a single 华 narrows things down; a single "h" does not). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/**
 * Punctuation (ASCII and Chinese: ·、（）《》 etc.), separators, whitespace, control/format
 * characters (zero-width spaces pasted from chat apps) never distinguish two customers but often
 * differ between how a name was imported and how it is typed.
 */
const IGNORABLE = /[\p{P}\p{Z}\p{Cc}\p{Cf}\s]/gu;
/** Trademark signs, removed before NFKC, which would otherwise turn ™ into the letters "TM". */
const TRADEMARK_SIGNS = /[™℠®©℗]/gu;

/**
 * Canonical form for comparing names: NFKC (full-width "ＡＢＣ１２３（北京）" → "ABC123(北京)"),
 * lower case, with whitespace and punctuation removed. Company suffixes (有限公司, Inc.) are kept;
 * ranking by coverage makes a bare "华为" still find "华为技术有限公司".
 */
export function normalizeName(s: string): string {
  // NFKC again at the end: removing a character can leave a combining mark next to a new base
  // ("Ô΄": the tonos becomes space + U+0301, the space goes), which composes only on a second pass.
  return s.replace(TRADEMARK_SIGNS, '').normalize('NFKC').toLowerCase().replace(IGNORABLE, '').normalize('NFKC');
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, SearchKey[]>();

/** Keys for one raw name or alias (memoized by the raw string, see the module comment). */
function keysOfRaw(raw: string): SearchKey[] {
  const cached = memo.get(raw);
  if (cached) return cached;

  const normalized = normalizeName(raw);
  const keys: SearchKey[] = normalized === '' ? [] : [{ text: normalized, kind: 'text' }];
  if (HAN.test(normalized)) {
    // Whole-phrase conversion so polyphones follow context (重庆 → chong qing, 长城 → chang cheng);
    // `v: true` spells ü as v, as pinyin keyboards do (绿 → lv); latin/digit runs stay one token.
    const options = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const;
    const syllables = pinyin(normalized, options).map((s) => s.toLowerCase());
    const initials = pinyin(normalized, { ...options, pattern: 'first' }).map((s) => s.toLowerCase());
    const syllableStarts: number[] = [];
    let offset = 0;
    for (const s of syllables) {
      syllableStarts.push(offset);
      offset += s.length;
    }
    keys.push({ text: syllables.join(''), kind: 'pinyin', syllableStarts });
    keys.push({ text: initials.join(''), kind: 'initials' });
  }

  // A bounded memo: clearing wholesale is crude but keeps memory flat for huge or hostile inputs.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, keys);
  return keys;
}

/**
 * Every string a customer can be found by: the normalized name and aliases and, for those with
 * Chinese characters, their toneless pinyin ("huawei") and pinyin initials ("hw"). Deduplicated,
 * name first.
 */
export function searchKeysFor(name: string, aliases: string[]): string[] {
  const out = new Set<string>();
  for (const raw of [name, ...aliases]) for (const key of keysOfRaw(raw)) out.add(key.text);
  return [...out];
}

interface PartialMatch {
  /** Share of the key the query covers: "华为" covers half of "华为终端", a quarter of "华为技术有限公司". */
  coverage: number;
  prefix: boolean;
  kind: KeyKind;
}

/** Where `query` occurs inside `key`, if it may: names anywhere, pinyin at a syllable start, initials only as a prefix. */
function partialMatch(query: string, key: SearchKey): PartialMatch | null {
  let at = -1;
  if (key.kind === 'text') {
    at = key.text.indexOf(query);
  } else if (key.kind === 'pinyin') {
    // Mid-syllable hits ("ua" in "huawei") would match almost every pinyin key.
    at = key.syllableStarts?.find((start) => key.text.startsWith(query, start)) ?? -1;
  } else if (key.text.startsWith(query)) {
    // Initials substrings ("wz" inside "hwzd") are two random letters: far too many false hits.
    at = 0;
  }
  if (at < 0) return null;
  return { coverage: query.length / key.text.length, prefix: at === 0, kind: key.kind };
}

function better(a: PartialMatch, b: PartialMatch): boolean {
  if (a.coverage !== b.coverage) return a.coverage > b.coverage;
  if (a.prefix !== b.prefix) return a.prefix;
  return KIND_RANK[a.kind] < KIND_RANK[b.kind];
}

/**
 * Customers that `query` names, best first.
 *
 * If any customer matches exactly (normalized name, alias, full pinyin or initials equal to the
 * normalized query), only exact matches are returned — so "华为" picks 华为 over 华为终端 — with
 * typed-name matches before pinyin and initials matches. Otherwise customers whose key contains
 * the query (anywhere in a name or alias, from a syllable start in pinyin, as a prefix of
 * initials), ranked by how much of the key the query covers, then prefix before infix. Partial
 * matching needs at least 2 characters, or 1 for Chinese/Japanese/Korean. Several results mean
 * the query is ambiguous; none means no match.
 */
export function matchCustomers<T extends CandidateCustomer>(query: string, candidates: T[]): T[] {
  return rankMatches(query, candidates, { partial: true });
}

/**
 * Only the exact matches of `matchCustomers`, best first (empty when nothing matches exactly). Every
 * customer with an exact match carries the normalized query among its stored search keys, so the
 * candidates can come from an index lookup instead of the whole customer list.
 */
export function exactCustomerMatches<T extends CandidateCustomer>(query: string, candidates: T[]): T[] {
  return rankMatches(query, candidates, { partial: false });
}

function rankMatches<T extends CandidateCustomer>(query: string, candidates: T[], options: { partial: boolean }): T[] {
  const q = normalizeName(query);
  if (q === '') return [];
  const partialAllowed = options.partial && (CJK.test(q) || [...q].length >= 2);

  const exact: Array<{ candidate: T; rank: number; order: number }> = [];
  const partial: Array<{ candidate: T; match: PartialMatch; order: number }> = [];

  candidates.forEach((candidate, order) => {
    let exactRank = Infinity;
    let best: PartialMatch | null = null;
    // Index -1 is the name, then the aliases: avoids building a combined array per candidate.
    for (let i = -1; i < candidate.aliases.length; i++) {
      for (const key of keysOfRaw(i < 0 ? candidate.name : (candidate.aliases[i] ?? ''))) {
        if (key.text === q) {
          exactRank = Math.min(exactRank, KIND_RANK[key.kind]);
        } else if (partialAllowed && exact.length === 0 && exactRank === Infinity) {
          // Once anything matched exactly, partial matches are discarded, so stop computing them.
          const m = partialMatch(q, key);
          if (m && (!best || better(m, best))) best = m;
        }
      }
    }
    if (exactRank !== Infinity) exact.push({ candidate, rank: exactRank, order });
    else if (best) partial.push({ candidate, match: best, order });
  });

  if (exact.length > 0) {
    return exact.sort((a, b) => a.rank - b.rank || a.order - b.order).map((e) => e.candidate);
  }
  return partial
    .sort((a, b) => (better(a.match, b.match) ? -1 : better(b.match, a.match) ? 1 : a.order - b.order))
    .map((p) => p.candidate);
}
