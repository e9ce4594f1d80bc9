import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { DomainError } from '../shared/domain-error.ts';

/**
 * A colleague named in a command (`设为经理 张三 华东`), by display name, case-insensitive. Two people
 * with the same name are not guessed between: the sender is told, and an admin can rename one.
 */
export async function findPersonByName(db: Db, orgId: string, name: string): Promise<User> {
  const typed = name.trim().replace(/^@/, '');
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['display_name']), '=', typed.toLowerCase()))
    .limit(2)
    .execute();
  if (rows.length === 0) throw new DomainError('personNotFound', { name: typed });
  if (rows.length > 1) throw new DomainError('personAmbiguous', { name: typed });
  return rows[0]!;
}
