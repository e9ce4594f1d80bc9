/**
 * English replies for settings from chat (issue #13): radius, a customer's tier/owner/radius, points.
 * Spread into en-US.ts; settings-chat-zh-CN.ts provides the same keys.
 */
export interface PointsRules {
  verified: number;
  notes: number;
  report: number;
  outside: number;
  planned: number;
}

export const settingsChatEnUS = {
  orgRadiusSet: (p: { meters: number }) => `Check-ins now count as on site within ${p.meters} m of the customer (customers with their own radius keep it).`,
  customerRadiusSet: (p: { customer: string; meters: number }) => `Check-ins at ${p.customer} now count as on site within ${p.meters} m.`,
  customerRadiusCleared: (p: { customer: string; meters: number }) => `${p.customer} now uses the company radius (${p.meters} m).`,
  radiusOutOfRange: (p: { min: number; max: number }) => `A radius must be between ${p.min} m and ${p.max} m, e.g. "radius 300m".`,
  radiusUnreadable: (p: { typed: string }) => `"${p.typed}" is not a distance I can read; write it like "300m" or "1km".`,
  customerTierSet: (p: { customer: string; tier: string }) => `${p.customer} is now a tier ${p.tier} customer.`,
  tierUnknown: (p: { typed: string }) => `"${p.typed}" is not a tier; use A, B or C.`,
  customerOwnerSet: (p: { customer: string; owner: string }) => `${p.owner} now owns ${p.customer}.`,
  customerNotFoundToChange: (p: { name: string }) => `No customer called "${p.name}"; create it with "new customer ${p.name}".`,
  customerAmbiguousToChange: (p: { name: string; options: string[] }) => `Several customers match "${p.name}" (${p.options.join(', ')}); write the full name.`,
  customerChangeRefused: (p: { customer: string; admins: string[]; team?: string }) =>
    p.team
      ? `Only an admin (${p.admins.join(', ')}) or the manager of team "${p.team}" can change ${p.customer}.`
      : `Only an admin (${p.admins.join(', ')}) or a team manager can change ${p.customer}.`,
  /** The customer's owner is in no team, so no manager may change it. */
  customerChangeAdminsOnly: (p: { customer: string; admins: string[] }) => `Only an admin (${p.admins.join(', ')}) can change ${p.customer}.`,
  ownerOutsideYourTeams: (p: { person: string; admins: string[] }) =>
    `${p.person} is not in a team you manage; an admin (${p.admins.join(', ')}) can give them this customer.`,
  /** The rules in force; `change` when they answer an admin's change (or one that changed nothing). */
  pointsRules: (p: PointsRules & { canChange: boolean; change?: 'updated' | 'unchanged' }) =>
    [
      p.change === 'updated' ? 'Points updated. Leaderboard points are now:' : p.change === 'unchanged' ? 'No change; leaderboard points are still:' : 'Leaderboard points:',
      `• verified visit: ${p.verified}`,
      `• verified visit with notes and next step: +${p.notes}`,
      `• daily report on time: ${p.report}`,
      `• visit outside the radius: ${p.outside}`,
      `• verified visit to a planned stop: +${p.planned}`,
      ...(p.canChange ? ['Change: "points verified 3 notes 2 report 1" (also outside, planned).'] : []),
    ].join('\n'),
  pointsUnreadable: (p: { typed: string }) =>
    `I could not read "${p.typed}". Write names and numbers, e.g. "points verified 3 notes 2 report 1" (also outside, planned).`,
  pointsOutOfRange: (p: { max: number }) => `Points must be whole numbers from 0 to ${p.max}.`,

  // --- h13 leftovers: "radius" alone tells the radius now ---
  orgRadiusShow: (p: { meters: number; canChange: boolean }) =>
    `The company check-in radius is ${p.meters} m: a check-in within ${p.meters} m of the customer counts as on site (customers with their own radius keep it).` +
    (p.canChange ? '\nTo change it, send "radius 300m".' : ''),
};
