import type { LanguageColumn } from '../../db/schema.ts';

/**
 * The name an erased person is shown by, stored in their row in the org's language so that every
 * board, digest and customer card that names them reads the same.
 */
export function formerEmployeeName(language: LanguageColumn, n: number): string {
  return language === 'zh-CN' ? `已离职员工 #${n}` : `Former employee #${n}`;
}

/**
 * What stands where an erased person's words were (visit notes, next steps), in the org's language.
 * Not null: that a visit had notes and a next step is a fact past leaderboards scored, and it stays.
 */
export function erasedWords(language: LanguageColumn): string {
  return language === 'zh-CN' ? '（已删除）' : '(erased)';
}
