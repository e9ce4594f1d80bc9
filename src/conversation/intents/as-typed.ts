import type { Intent } from './types.ts';

/**
 * Gives prose fields back the characters the person typed.
 *
 * The parser reads an NFKC-normalised copy of the message, so full-width letters, digits and
 * punctuation (ＨＵＡＷＥＩ, ２２.５４, `签到：华为`) parse like ASCII. But NFKC also turns Chinese
 * prose punctuation into ASCII (，→ , ；→ ; ！→ !), and a visit note or daily report is stored and
 * shown to managers as written. Names stay normalised: they are looked up, and lookups compare
 * normalised forms.
 */
export function withProseAsTyped(intent: Intent, original: string): Intent {
  const restore = proseRestorer(original);
  switch (intent.kind) {
    case 'freeText':
      return { ...intent, text: restore(intent.text) };
    case 'checkOut':
      return {
        ...intent,
        ...(intent.notes !== undefined ? { notes: restore(intent.notes) } : {}),
        ...(intent.nextStep !== undefined ? { nextStep: restore(intent.nextStep) } : {}),
      };
    case 'report':
      return intent.text === undefined ? intent : { ...intent, text: restore(intent.text) };
    case 'comment':
      return { ...intent, text: restore(intent.text) };
    case 'visitNote':
      return { ...intent, notes: restore(intent.notes), ...(intent.nextStep !== undefined ? { nextStep: restore(intent.nextStep) } : {}) };
    default:
      return intent;
  }
}

/**
 * Maps a substring of the normalised message back to the original characters it came from. Returns
 * the field unchanged when that is not certain: the field does not occur in the message as such
 * (the parser rebuilt it), occurs several times with different originals, or the message normalises
 * differently character by character than as a whole (combining marks).
 */
function proseRestorer(original: string): (field: string) => string {
  const normalized = original.normalize('NFKC');
  if (normalized === original) return (field) => field;
  // starts[i]: index in `original` of the character that produced normalized[i].
  const starts: number[] = [];
  let alignedText = '';
  for (let i = 0; i < original.length; ) {
    const codePoint = original.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = original.slice(i, i + width).normalize('NFKC');
    for (let k = 0; k < piece.length; k++) starts.push(i);
    alignedText += piece;
    i += width;
  }
  if (alignedText !== normalized) return (field) => field;
  starts.push(original.length);

  return (field) => {
    if (field === '') return field;
    const originals = new Set<string>();
    for (let at = normalized.indexOf(field); at >= 0; at = normalized.indexOf(field, at + 1)) {
      originals.add(original.slice(starts[at], starts[at + field.length]));
    }
    const [typed] = originals;
    if (originals.size !== 1 || typed === undefined) return field;
    return typed.normalize('NFKC') === field ? typed : field;
  };
}
