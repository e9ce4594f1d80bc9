import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The XML was unsafe (DOCTYPE / entity declarations) or not well-formed. */
export class WeComXmlError extends Error {
  constructor(readonly reason: 'unsafe' | 'malformed') {
    super(`WeCom XML rejected: ${reason}`);
    this.name = 'WeComXmlError';
  }
}

/** A parsed WeCom XML document: tag name → string, or nested object / list for the few structured fields. */
export type XmlNode = { [tag: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const cdataKey = '#cdata';

/**
 * Entities off (no expansion at all, so no billion-laughs), tag values kept as strings (MsgId is a
 * 64-bit number that would lose digits as a JS number), CDATA kept apart so that only plain text
 * nodes get the five predefined XML entities decoded by hand.
 */
const parser = new XMLParser({
  processEntities: false,
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: cdataKey,
  trimValues: true,
  isArray: (name) => name === 'SelectedItem' || name === 'OptionId',
});

/** DOCTYPE and ENTITY declarations have no place in WeCom's XML: refuse them before any parsing. */
const unsafe = /<!\s*(DOCTYPE|ENTITY)/i;

/** Maximum size of an XML document we parse (WeCom messages are a few KB at most). */
export const maxXmlBytes = 64 * 1024;

/** Parses one WeCom XML document and returns the children of its `<xml>` root. */
export function parseWeComXml(xml: string): XmlNode {
  if (unsafe.test(xml)) throw new WeComXmlError('unsafe');
  if (Buffer.byteLength(xml, 'utf8') > maxXmlBytes) throw new WeComXmlError('malformed');
  if (XMLValidator.validate(xml) !== true) throw new WeComXmlError('malformed');
  const parsed = parser.parse(xml) as Record<string, unknown>;
  const root = parsed.xml;
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new WeComXmlError('malformed');
  return normalise(root) as XmlNode;
}

/** A string field of a parsed node ('' and missing both read as undefined). */
export function field(node: XmlNode, tag: string): string | undefined {
  const value = node[tag];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Folds `{ '#cdata': 'x' }` into 'x', decodes entities in plain text nodes, recursively. */
function normalise(value: unknown): XmlValue {
  if (typeof value === 'string') return decodePredefinedEntities(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === cdataKey) return String(record[cdataKey]);
    const out: XmlNode = {};
    for (const key of keys) {
      if (key === cdataKey) continue;
      out[key] = normalise(record[key]);
    }
    return out;
  }
  return '';
}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and numeric character references: nothing user-declared exists. */
function decodePredefinedEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return predefined[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
