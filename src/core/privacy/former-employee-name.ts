import type { LanguageColumn } from '../../db/schema.ts';

/**
 * The name an erased person is shown by, stored in their row in the org's language so that every
 * board, digest and customer card that names them reads the same.
 */
export function formerEmployeeName(language: LanguageColumn, n: number): string {
  return language === 'zh-CN' ? `已离职员工 #${n}` : `Former employee #${n}`;
}
