import { DomainError } from '../shared/domain-error.ts';

/** Longest reply kept; a chat message or a console box rarely needs more. */
export const maxCommentLength = 2000;

/** What a reply says: words, or a 👍 (a reply that is only a thumbs-up, any skin tone, or "+1"). */
export type CommentBody = { kind: 'text'; text: string } | { kind: 'like'; text: null };

const LIKE = /^(?:👍[\u{1F3FB}-\u{1F3FF}]?|\+1)$/u;

/** Reads a reply as typed; refuses an empty or over-long one (nothing is stored then). */
export function readCommentBody(typed: string): CommentBody {
  const text = typed.trim();
  if (text === '') throw new DomainError('commentEmpty');
  if (LIKE.test(text)) return { kind: 'like', text: null };
  if ([...text].length > maxCommentLength) throw new DomainError('commentTooLong', { max: maxCommentLength });
  return { kind: 'text', text };
}
