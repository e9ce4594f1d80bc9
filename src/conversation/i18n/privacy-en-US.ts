/**
 * English replies for privacy and data rights (issue 16), spread into en-US.ts. privacy-zh-CN.ts
 * provides the same keys.
 */
const ROLE = { admin: 'admin', manager: 'your manager', rep: 'teammate' } as const;
const WHAT = { day: 'your day', week: 'your week', report: 'your daily report', plan: 'your plan', history: 'your history', profile: 'your profile' } as const;
const VIA = { chat: 'in chat', api: 'through the admin API', console: 'in the console' } as const;

export const privacyEnUS = {
  deactivatedRefusal: () => 'Your Legwork account has been deactivated, so I can no longer take check-ins, notes or reports from you. If this is a mistake, please ask an admin. Thank you for your work!',
  privacyNotYourself: () => 'You cannot deactivate or erase yourself. Ask another admin.',
  privacyErasedForGood: () => "This person's data was erased; the account cannot be reactivated.",
  personDeactivated: (p: { person: string }) =>
    `${p.person} is deactivated: no more reminders, off leaderboards and digests, and their messages get a polite refusal. Their records stay. "reactivate ${p.person}" undoes it; "erase ${p.person}" erases their data.`,
  personReactivated: (p: { person: string }) => `${p.person} is active again.`,
  eraseConfirmQuestion: (p: { person: string; keepWorkRecords: boolean }) =>
    `Erase ${p.person}'s data? Their name and chat accounts are removed, they are shown as a numbered former employee, their check-in locations are coarsened to about 1 km` +
    (p.keepWorkRecords ? ', and their notes and reports are kept (your org keeps work records).' : ', and the words of their notes and reports are removed.') +
    ' Counts and leaderboards stay. This cannot be undone. Reply "confirm erase" within 10 minutes to go ahead.',
  eraseNothingToConfirm: () => 'There is no erasure waiting for confirmation. Start with "erase <name>".',
  personErased: (p: { name: string }) => `Done: the data was erased. The person is now shown as "${p.name}".`,
  myDataLink: (p: { url: string; minutes: number }) =>
    `Here is everything Legwork holds about you, as a zip (one JSON file and a CSV per kind): ${p.url}\nThe link works once, for ${p.minutes} minutes. Don't share it.`,
  myDataLinkLabel: () => 'Download my data',
  whoSeesMeList: (p: { viewers: { name: string; role: 'admin' | 'manager' | 'rep'; sees: 'records' | 'notes' }[] }) =>
    [
      'These people can see your individual records:',
      ...p.viewers.map((v) =>
        v.sees === 'records'
          ? `• ${v.name} (${v.role === 'admin' ? 'admin' : ROLE[v.role]}): your check-ins with location and distance, visits with notes, daily reports and plans`
          : `• ${v.name} (${ROLE[v.role]}): your visit notes on customer cards`,
      ),
      'Team leaderboards show your points to your team. "access log" shows who opened your records in the last 30 days.',
    ].join('\n'),
  whoSeesMeNobody: () => 'Nobody else can see your individual records yet (you are in no team and there is no other admin).',
  accessLogEmpty: () => 'Nobody opened your individual records in the last 30 days.',
  accessLogList: (p: { lines: { time: string; viewer: string | null; what: keyof typeof WHAT; via: keyof typeof VIA }[] }) =>
    [
      'Who opened your records in the last 30 days:',
      ...p.lines.map((l) => `• ${l.time} ${l.viewer ?? 'an admin'} opened ${WHAT[l.what]} ${VIA[l.via]}`),
    ].join('\n'),
  retentionSet: (p: { days: number }) => `Exact check-in locations are now kept ${p.days} days, then coarsened to about 1 km.`,
  retentionBadDays: (p: { text: string; max: number }) => `"${p.text}" is not a number of days from 1 to ${p.max} (this server keeps locations at most ${p.max} days).`,
  keepWorkRecordsSet: (p: { keep: boolean }): string =>
    p.keep ? 'Erasing someone now keeps the words of their visit notes and reports (work records).' : 'Erasing someone now removes the words of their visit notes and reports.',
};
