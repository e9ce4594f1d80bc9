import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { matchCustomers, normalizeName, searchKeysFor, type CandidateCustomer } from './match-customer-name.ts';

let nextId = 0;
function customer(name: string, aliases: string[] = []): CandidateCustomer {
  nextId += 1;
  return { id: `c${nextId}`, name, aliases };
}
const names = (list: CandidateCustomer[]): string[] => list.map((c) => c.name);

describe('normalizeName', () => {
  it('folds full-width characters and case', () => {
    expect(normalizeName('ｈｕａｗｅｉ')).toBe('huawei');
    expect(normalizeName('HUAWEI')).toBe('huawei');
    expect(normalizeName('ＡＢＣ１２３')).toBe('abc123');
  });

  it('drops whitespace and punctuation, including Chinese punctuation', () => {
    expect(normalizeName('  Acme  Corp. ')).toBe('acmecorp');
    expect(normalizeName('华为技术（深圳）有限公司')).toBe('华为技术深圳有限公司');
    expect(normalizeName('华为技术(深圳)有限公司')).toBe('华为技术深圳有限公司');
    expect(normalizeName('麦当劳·北京、上海')).toBe('麦当劳北京上海');
    expect(normalizeName('《财经》杂志')).toBe('财经杂志');
    expect(normalizeName('AT&T Inc.')).toBe('attinc');
    expect(normalizeName('华\u200b为\u3000')).toBe('华为'); // zero-width and ideographic spaces
    expect(normalizeName('Acme™')).toBe('acme');
  });

  it('keeps company suffixes', () => {
    expect(normalizeName('华为技术有限公司')).toBe('华为技术有限公司');
    expect(normalizeName('Acme, Inc.')).toBe('acmeinc');
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
      }),
    );
  });
});

describe('searchKeysFor', () => {
  it('adds full pinyin and initials for Chinese names', () => {
    expect(searchKeysFor('华为', [])).toEqual(['华为', 'huawei', 'hw']);
  });

  it('normalizes aliases and gives Chinese aliases pinyin too', () => {
    expect(searchKeysFor('华为技术有限公司', ['Huawei', '华为'])).toEqual([
      '华为技术有限公司',
      'huaweijishuyouxiangongsi',
      'hwjsyxgs',
      'huawei',
      '华为',
      'hw',
    ]);
  });

  it('reads polyphones in context and spells ü as v', () => {
    expect(searchKeysFor('重庆银行', [])).toContain('chongqingyinhang');
    expect(searchKeysFor('长城汽车', [])).toContain('changchengqiche');
    expect(searchKeysFor('绿地集团', [])).toContain('lvdijituan');
  });

  it('keeps latin and digit runs whole in mixed names', () => {
    expect(searchKeysFor('ABC科技', [])).toEqual(['abc科技', 'abckeji', 'abckj']);
    expect(searchKeysFor('３６０ 科技', [])).toEqual(['360科技', '360keji', '360kj']);
  });

  it('gives only the normalized form for non-Chinese names and skips empty aliases', () => {
    expect(searchKeysFor('Acme Corp.', ['ACME', ' ', '—'])).toEqual(['acmecorp', 'acme']);
  });
});

describe('matchCustomers', () => {
  const huaweiWithAlias = customer('华为技术有限公司', ['Huawei']);
  const tencent = customer('腾讯');

  it('matches an alias regardless of case and width', () => {
    const list = [huaweiWithAlias, tencent];
    expect(matchCustomers('HUAWEI', list)).toEqual([huaweiWithAlias]);
    expect(matchCustomers('ｈｕａｗｅｉ', list)).toEqual([huaweiWithAlias]);
    expect(matchCustomers('  huawei ', list)).toEqual([huaweiWithAlias]);
  });

  it('matches Chinese names by pinyin and by initials', () => {
    const huawei = customer('华为');
    const list = [tencent, huawei];
    expect(matchCustomers('huawei', list)).toEqual([huawei]);
    expect(matchCustomers('HuaWei', list)).toEqual([huawei]);
    expect(matchCustomers('hw', list)).toEqual([huawei]);
    expect(matchCustomers('tx', list)).toEqual([tencent]);
  });

  it('returns every candidate for an ambiguous query, and only the exact one for a full name', () => {
    const tech = customer('华为技术');
    const device = customer('华为终端');
    const list = [tencent, tech, device];
    expect(names(matchCustomers('华为', list))).toEqual(['华为技术', '华为终端']);
    expect(matchCustomers('华为技术', list)).toEqual([tech]);
    expect(matchCustomers('华为终端', list)).toEqual([device]);
  });

  it('prefers an exact name over customers whose names contain it', () => {
    const huawei = customer('华为');
    const device = customer('华为终端');
    expect(matchCustomers('华为', [device, huawei])).toEqual([huawei]);
    expect(matchCustomers('huawei', [device, huawei])).toEqual([huawei]);
    expect(matchCustomers('hw', [device, huawei])).toEqual([huawei]);
  });

  it('returns [] when nothing matches', () => {
    expect(matchCustomers('腾讯', [customer('华为')])).toEqual([]);
    expect(matchCustomers('alibaba', [customer('华为'), customer('Acme')])).toEqual([]);
    expect(matchCustomers('', [customer('华为')])).toEqual([]);
    expect(matchCustomers(' （） ', [customer('华为')])).toEqual([]);
    expect(matchCustomers('华为', [])).toEqual([]);
  });

  it('ranks partial matches by how much of the name the query covers, then prefix first', () => {
    const long = customer('华为技术有限公司');
    const short = customer('华为终端');
    const infix = customer('深圳华为');
    expect(names(matchCustomers('华为', [long, infix, short]))).toEqual(['华为终端', '深圳华为', '华为技术有限公司']);
  });

  it('matches a name typed without its suffix or punctuation', () => {
    const hq = customer('华为技术（深圳）有限公司');
    expect(matchCustomers('华为技术深圳', [hq, tencent])).toEqual([hq]);
    expect(matchCustomers('华为技术(深圳)有限公司', [hq, tencent])).toEqual([hq]);
    const acme = customer('Acme Corp.');
    expect(matchCustomers('acme', [acme])).toEqual([acme]);
    expect(matchCustomers('ACME CORP', [acme])).toEqual([acme]);
  });

  it('lets a single Chinese character match but not a single latin letter', () => {
    const huawei = customer('华为');
    const acme = customer('Acme');
    expect(matchCustomers('华', [huawei, acme])).toEqual([huawei]);
    expect(matchCustomers('a', [huawei, acme])).toEqual([]);
    expect(matchCustomers('h', [huawei, acme])).toEqual([]);
    expect(matchCustomers('ac', [huawei, acme])).toEqual([acme]);
    // ...unless it is exactly someone's alias.
    const x = customer('X 公司', ['x']);
    expect(matchCustomers('X', [x, acme])).toEqual([x]);
  });

  it('matches pinyin only from a syllable start and initials only as a prefix', () => {
    const huaweiTech = customer('华为技术');
    expect(matchCustomers('huaw', [huaweiTech])).toEqual([huaweiTech]);
    expect(matchCustomers('jishu', [huaweiTech])).toEqual([huaweiTech]);
    expect(matchCustomers('weiji', [huaweiTech])).toEqual([huaweiTech]);
    expect(matchCustomers('uawei', [huaweiTech])).toEqual([]);
    expect(matchCustomers('hwj', [huaweiTech])).toEqual([huaweiTech]);
    expect(matchCustomers('wj', [huaweiTech])).toEqual([]);
  });

  it('puts typed-name matches before pinyin-only matches among exact matches', () => {
    const byPinyin = customer('华为');
    const byAlias = customer('Huawei Europe', ['huawei']);
    expect(matchCustomers('huawei', [byPinyin, byAlias])).toEqual([byAlias, byPinyin]);
  });

  it('returns the caller’s objects with their extra fields', () => {
    const row = { ...customer('华为'), orgId: 'o1', createdAt: new Date(0) };
    const [hit] = matchCustomers('hw', [row]);
    expect(hit).toBe(row);
    expect(hit?.orgId).toBe('o1');
  });

  it('always returns a subset of candidates without duplicates, exact matches alone (property)', () => {
    const pool = ['华为', '华为技术', '华为终端', '腾讯', '腾讯云', '阿里巴巴', 'Acme', 'Acme Corp', '重庆银行', '中国银行'];
    const cust = fc.record({
      name: fc.constantFrom(...pool),
      aliases: fc.array(fc.constantFrom('hw', 'Huawei', 'acme', 'BOC', 'tx'), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(cust, { maxLength: 8 }), fc.constantFrom(...pool, 'hw', 'huawei', 'tx', 'yinhang', 'a', ''), (raw, query) => {
        const list = raw.map((c, i) => ({ id: String(i), ...c }));
        const result = matchCustomers(query, list);
        expect(new Set(result).size).toBe(result.length);
        for (const r of result) expect(list).toContain(r);
        const q = normalizeName(query);
        const exactly = list.filter((c) => searchKeysFor(c.name, c.aliases).includes(q));
        if (q !== '' && exactly.length > 0) expect(new Set(result)).toEqual(new Set(exactly));
      }),
    );
  });

  // Speed lives in the benchmark (npm run bench), not here: the machines are too noisy for timing.
  it('finds the right customers among a few thousand', () => {
    const list: CandidateCustomer[] = [];
    for (let i = 0; i < 5000; i++) list.push(customer(`客户${i}`, i % 3 === 0 ? [`Company ${i}`] : []));
    list.push(customer('华为', []));
    expect(matchCustomers('hw', list).map((c) => c.name)).toEqual(['华为']);
    expect(matchCustomers('Company 4242', list).map((c) => c.name)).toEqual(['客户4242']);
  });
});
