/** Longest message the conversation accepts; longer ones get a "too long" answer and change nothing. */
export const maxTextLength = 4000;
