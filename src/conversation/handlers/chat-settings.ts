import { setOrgRadius } from '../../core/access/org-radius.ts';
import { loadActor } from '../../core/access/load-actor.ts';
import { can } from '../../core/access/permissions.ts';
import { changeCustomer } from '../../core/customers/change-customer.ts';
import { setPoints, showPoints, type Points } from '../../core/leaderboards/points-rules.ts';
import type { Catalogue } from '../i18n/catalogue.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

type ChatSettingsIntent = Extract<Intent, { kind: 'setOrgRadius' | 'showOrgRadius' | 'changeCustomer' | 'showPoints' | 'setPoints' }>;

/** Settings from chat: the org's radius, a customer's tier/owner/radius, the points rules. */
export async function handleChatSettingsIntent(turn: Turn, intent: ChatSettingsIntent): Promise<void> {
  const deps = { db: turn.db };
  switch (intent.kind) {
    case 'setOrgRadius': {
      const meters = await setOrgRadius(deps, { user: turn.user, radius: intent.radius, before: turn.org.checkin_radius_m });
      return turn.reply(turn.t.orgRadiusSet({ meters }));
    }
    case 'showOrgRadius': {
      // Anyone may know it (every off-site check-in names it); only who may change it is shown how.
      const canChange = can(await loadActor(turn.db, turn.user), { action: 'changeOrgSettings', orgId: turn.org.id });
      return turn.reply(turn.t.orgRadiusShow({ meters: turn.org.checkin_radius_m, canChange }));
    }
    case 'changeCustomer': {
      const { customer, ownerName } = await changeCustomer(deps, {
        user: turn.user,
        customer: intent.customer,
        change: { field: intent.field, value: intent.value },
        now: turn.now,
      });
      if (intent.field === 'tier') return turn.reply(turn.t.customerTierSet({ customer: customer.name, tier: customer.tier }));
      if (intent.field === 'owner') return turn.reply(turn.t.customerOwnerSet({ customer: customer.name, owner: ownerName! }));
      return turn.reply(
        customer.radius_m === null
          ? turn.t.customerRadiusCleared({ customer: customer.name, meters: turn.org.checkin_radius_m })
          : turn.t.customerRadiusSet({ customer: customer.name, meters: customer.radius_m }),
      );
    }
    case 'showPoints': {
      const { points, canChange } = await showPoints(deps, { user: turn.user });
      return turn.reply(rules(turn.t, points, canChange));
    }
    case 'setPoints': {
      const { points, changed } = await setPoints(deps, { user: turn.user, rules: intent.rules, now: turn.now });
      return turn.reply(rules(turn.t, points, false, changed ? 'updated' : 'unchanged'));
    }
  }
}

function rules(t: Catalogue, points: Points, canChange: boolean, change?: 'updated' | 'unchanged'): string {
  return t.pointsRules({
    ...(change ? { change } : {}),
    verified: points.verifiedVisit,
    notes: points.notesAndNextStep,
    report: points.reportOnTime,
    outside: points.outsideVisit,
    planned: points.plannedVisit,
    canChange,
  });
}
