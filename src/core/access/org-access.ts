import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { audit } from '../shared/audit.ts';
import { loadActor } from './load-actor.ts';
import { requireAllowed } from './require-allowed.ts';

export type OrgAccessSetting = 'openJoining' | 'shareTeamNotes' | 'charts';

/** `charts`: leaderboards and digests carry a chart beside their text (issue 18). */
const COLUMNS = { openJoining: 'open_joining', shareTeamNotes: 'share_team_notes', charts: 'charts' } as const;

/** Admins switch open joining (no approval) or note sharing within teams for the whole org; audited. */
export async function setOrgAccess({ db }: { db: Db }, input: { user: User; setting: OrgAccessSetting; enabled: boolean }): Promise<void> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'changeOrgSettings', orgId: input.user.org_id });
  await db.updateTable('orgs').set({ [COLUMNS[input.setting]]: input.enabled }).where('id', '=', input.user.org_id).execute();
  await audit(db, input.user, 'org.access_changed', input.user.org_id, { [input.setting]: input.enabled });
}
