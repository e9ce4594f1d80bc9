import { findPersonByName } from '../../core/users/find-person.ts';
import { deactivateUser, loadOffboardingSubject, reactivateUser } from '../../core/privacy/deactivate-user.ts';
import { eraseUser } from '../../core/privacy/erase-user.ts';
import { EXPORT_LINK_TTL_MINUTES, issueExportLink } from '../../core/privacy/export-link.ts';
import { whoSeesMe } from '../../core/privacy/who-sees-me.ts';
import { readAccessLog } from '../../core/privacy/record-access.ts';
import { setKeepWorkRecords, setLocationRetention } from '../../core/privacy/privacy-settings.ts';
import { clearPendingState, savePendingState, type PendingState } from '../pending-state.ts';
import type { PrivacyIntent } from '../intents/privacy-intents.ts';
import { formatLocalTime } from './format.ts';
import type { Turn } from '../turn.ts';

/** Privacy commands (issue 16): leaving, my data, who sees me, the access log, the org's choices. */
export async function handlePrivacyIntent(turn: Turn, intent: PrivacyIntent, pending: PendingState | undefined): Promise<void> {
  const { t } = turn;
  const deps = { db: turn.db, now: turn.now };
  switch (intent.kind) {
    case 'deactivate': {
      const named = await findPersonByName(turn.db, turn.org.id, intent.person);
      const person = await deactivateUser(deps, { by: turn.user, userId: named.id });
      return turn.reply(t.personDeactivated({ person: person.display_name }));
    }
    case 'reactivate': {
      const named = await findPersonByName(turn.db, turn.org.id, intent.person);
      const person = await reactivateUser(deps, { by: turn.user, userId: named.id });
      return turn.reply(t.personReactivated({ person: person.display_name }));
    }
    case 'erase': {
      const named = await findPersonByName(turn.db, turn.org.id, intent.person);
      // Refused here already (not an admin, or oneself), not only after the confirmation.
      const person = await loadOffboardingSubject(turn.db, turn.user, named.id);
      if (person.id === turn.user.id) return turn.reply(t.privacyNotYourself());
      // The question holds only the id: the name is what erasure removes.
      await savePendingState(turn.db, turn.user.id, { kind: 'confirmErase', userId: person.id }, turn.now);
      return turn.reply(t.eraseConfirmQuestion({ person: person.display_name, keepWorkRecords: turn.org.keep_work_records }));
    }
    case 'eraseConfirm': {
      if (pending?.kind !== 'confirmErase') return turn.reply(t.eraseNothingToConfirm());
      await clearPendingState(turn.db, turn.user.id);
      const erased = await eraseUser(deps, { by: turn.user, userId: pending.userId });
      return turn.reply(t.personErased({ name: erased.displayName }));
    }
    case 'myData': {
      const link = issueExportLink(turn.settings, { orgId: turn.org.id, userId: turn.user.id, now: turn.now });
      // A link to everything about the person: never into a group, where anyone could open it.
      return turn.replyPrivately({
        text: t.myDataLink({ url: link.url, minutes: EXPORT_LINK_TTL_MINUTES }),
        actions: [{ label: t.myDataLinkLabel(), url: link.url }],
      });
    }
    case 'whoSeesMe': {
      const viewers = await whoSeesMe(turn.db, turn.user);
      return turn.replyPrivately(viewers.length === 0 ? t.whoSeesMeNobody() : t.whoSeesMeList({ viewers }));
    }
    case 'accessLog': {
      // Always the sender's own log (can() 'viewAccessLog' allows no one else).
      const lines = await readAccessLog(turn.db, { subjectId: turn.user.id, now: turn.now });
      if (lines.length === 0) return turn.replyPrivately(t.accessLogEmpty());
      const zone = turn.user.time_zone;
      const day = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, month: '2-digit', day: '2-digit' }).format(at);
      return turn.replyPrivately(
        t.accessLogList({ lines: lines.map((l) => ({ time: `${day(l.at)} ${formatLocalTime(l.at, zone)}`, viewer: l.viewer, what: l.what, via: l.via })) }),
      );
    }
    case 'setLocationRetention': {
      const days = await setLocationRetention({ db: turn.db }, { user: turn.user, typed: intent.days, maxDays: turn.settings.locationRetentionDays });
      return turn.reply(t.retentionSet({ days }));
    }
    case 'setKeepWorkRecords':
      await setKeepWorkRecords({ db: turn.db }, { user: turn.user, keep: intent.enabled });
      return turn.reply(t.keepWorkRecordsSet({ keep: intent.enabled }));
  }
}
