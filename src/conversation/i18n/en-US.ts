/**
 * English replies. Every entry is a whole sentence or block built from named parameters, never
 * glued fragments, so a translator can reorder freely. zh-CN.ts must provide the same keys.
 */
import { rolesEnUS } from './roles-en-US.ts';
import { teamDayEnUS } from './team-day-en-US.ts';
import { chartsEnUS } from './charts-en-US.ts';
import { privacyEnUS } from './privacy-en-US.ts';
import { settingsChatEnUS } from './settings-chat-en-US.ts';
import { apiTokensEnUS } from './api-tokens-en-US.ts';
import { commentsEnUS } from './comments-en-US.ts';
import { consoleEnUS } from './console-en-US.ts';
import { alertsEnUS } from './alerts-en-US.ts';
import { greetingsEnUS } from './greetings-en-US.ts';
import { checkOutEnUS } from './check-out-en-US.ts';
import { pagesEnUS } from './pages-en-US.ts';
import { formatDistance } from './distance.ts';

const km = formatDistance['en-US'];
const minutes = (n: number) => (n >= 60 ? `${Math.floor(n / 60)} h ${n % 60} min` : `${n} min`);

export const enUS = {
  welcome: (p: { name: string; admin: boolean; privacyUrl: string }) =>
    p.admin
      ? `Welcome to Legwork, ${p.name}! You are the first person here, so you are the admin. Legwork records your location only when you check in, with your visits, notes and reports (what is kept, and for how long: ${p.privacyUrl}). Type "help" to see what I can do.`
      : `Welcome to Legwork, ${p.name}! Legwork records your location only when you check in, with your visits, notes and reports (what is kept, and for how long: ${p.privacyUrl}). Type "help" to see what I can do.`,
  help: () =>
    [
      'Commands (examples):',
      '• checkin Huawei 22.54,113.95 — check in at a customer (or send your location)',
      '• checkout met the buyer; next: send quote — check out of the open visit, with notes (next step, follow up optional)',
      '• visit Huawei: demo went well; next: send quote; follow up: next Friday',
      '• report — today\'s summary; "report <text>" submits it',
      '• today — my check-ins, visits and report status',
      '• customer Huawei — tier, position, last visits, follow-ups',
      '• new customer Huawei 22.54,113.95 — add a customer',
      '• customer Huawei tier A — (managers, admins) change a customer\'s tier; also "customer Huawei owner Zhang", "customer Huawei radius 1000m"',
      '• points — how the leaderboard scores; (admins) "points verified 3 notes 2 report 1" changes it, "radius 300m" sets the check-in radius',
      '• team create East manager Zhang — (admins) create a team and name its manager; "join East" asks to join, the manager approves',
      '• bind East — in a group chat, post the team\'s leaderboard there',
      '• timezone America/Los_Angeles — set my time zone',
      '• leaderboard week — the team\'s standings (or day, month); "leaderboard off" hides my name',
      '• team — (managers) the team today: visits, off-site check-ins, missing reports; "team Zhang [yesterday|Dec 1|last week]" one person\'s day or week',
      '• away until Friday — pause my reminders; "back" resumes them',
      '• my data — download everything Legwork holds about me; "who sees me" and "access log": who can see my records, who opened them',
      '• reminders off report — turn one reminder off (report, checkout, followup, overdue, plan)',
      '• settings — my team\'s schedule: workdays, holidays, quiet hours, reminder and digest times',
      '• workdays mon-fri — (managers, admins) the team\'s workdays; add "org" for the company default',
      '• holiday add Oct 1 to Oct 7 — (managers) no reminders on those days; "holiday remove Oct 1"; "holidays" lists them',
      '• quiet 22:00-07:00 — (managers) nothing is sent in these hours; "quiet off"',
      '• report reminder 18:30 — (managers) when the daily report reminder goes out; "report reminder off"',
      '• digest time 19:00 — (managers) when the manager\'s daily digest comes',
      '• make Zhang manager of East — (admins) name a team\'s manager; "make Li admin" names an admin',
      '• comment Wang good work — (managers) answer Wang\'s latest daily report ("comment Wang 👍" likes it); "console" sends a link to the web console',
      '• remove Wang from East — (managers, admins) take a member out of a team',
      '• approve Wang — (managers) approve a join request; "decline Wang" declines it',
      '• alerts offsite off — (managers) stop one real-time alert (offsite, mock, late, joined); "alerts" lists them',
      '• leaderboard chart — the board as a picture; "trend" the last 8 weeks; "charts off" (admins) text only',
      '• deactivate Zhang — (admins) someone who left ("reactivate Zhang"); "erase Zhang" removes their personal data',
      '• api token new CRM sync — (admins) a token for the admin API; "api token" lists them, "api token revoke CRM sync"',
      '• joining open — (admins) join teams without approval ("joining approval" to undo); "share notes on" shares visit notes within teams',
      '• language zh — 切换到中文',
      '• plan tomorrow Huawei 10:00; purpose: demo; expect: quote — plan a visit; "plan", "plan tomorrow", "plan week" show the route',
      '• plan cancel Huawei — cancel a stop; "plan move Huawei Fri 14:00" moves it; "home 22.54,113.95" sets the start point; "plan suggest" proposes due customers',
      '• assign Zhang tomorrow Huawei 10:00 — (managers) plan for a member; "plan Zhang" shows their plan',
    ].join('\n'),
  unknownCommand: (p: { text: string }) => `I didn't understand "${p.text}". Type "help" for the commands.`,
  tooLong: (p: { max: number }) => `That message is too long (over ${p.max} characters). Please shorten it.`,
  emptyMessage: () => 'I got an empty message. Type "help" for the commands.',
  usage: (p: { example: string }) => `Missing or unclear details. Example: ${p.example}`,
  nothingToChoose: () => 'There is no list to choose from right now.',
  choiceOutOfRange: (p: { max: number }) => `Please reply with a number from 1 to ${p.max}.`,
  choiceCreateOnly: (p: { name: string }) => `Reply 1 to create "${p.name}", or send a command (e.g. another name).`,
  internalError: () => 'Something went wrong on our side. Nothing was saved; please try again in a minute.',

  coordinatesNotANumber: () => 'Those coordinates are not numbers. Send them as "latitude,longitude", e.g. 22.54,113.95.',
  coordinatesOutOfRange: () => 'Those coordinates are out of range: latitude must be between -90 and 90 and longitude between -180 and 180.',
  coordinatesSwapped: () => 'Those coordinates look swapped: send latitude first, then longitude (e.g. 22.54,113.95).',

  customerNotFound: (p: { name: string }) =>
    `No customer matches "${p.name}". Reply 1 to create "${p.name}", or check the spelling.`,
  customerChoose: (p: { name: string; options: string }) =>
    `Several customers match "${p.name}". Reply with a number:\n${p.options}`,
  customerAlreadyExists: (p: { name: string }) => `A customer named "${p.name}" already exists.`,
  customerCreated: (p: { name: string; position: string }) => `Customer "${p.name}" created (${p.position}).`,
  positionUnknown: () => 'no position yet',
  positionKnown: (p: { lat: number; lng: number }) => `${p.lat.toFixed(5)},${p.lng.toFixed(5)}`,
  customerCard: (p: {
    name: string; tier: string; aliases: string; position: string; owner: string; visits: string; followUps: string;
  }) =>
    [
      `${p.name} (tier ${p.tier})`,
      p.aliases ? `Also known as: ${p.aliases}` : null,
      `Position: ${p.position}`,
      `Owner: ${p.owner}`,
      `Last visits:\n${p.visits}`,
      `Open follow-ups:\n${p.followUps}`,
    ].filter(Boolean).join('\n'),
  customerVisitLine: (p: { date: string; rep: string; status: string; notes: string }) =>
    `• ${p.date} ${p.rep} (${p.status})${p.notes ? `: ${p.notes}` : ''}`,
  /** `nextStep` is empty when none was written or the reader may not see it: the line still says what it is. */
  customerFollowUpLine: (p: { date: string; nextStep: string; rep: string }) => `• ${p.date} ${p.nextStep || 'follow-up'} (${p.rep})`,
  noneYet: () => '• none yet',
  nobody: () => 'nobody',

  checkInNeedsCustomer: () => 'Which customer? Example: checkin Huawei 22.54,113.95',
  checkInLocationLink: (p: { customer: string; url: string; minutes: number }) =>
    `To check in at ${p.customer}, share your location: open ${p.url} (valid ${p.minutes} min, once), or send your location or "lat,lng" here.`,
  checkInVerified: (p: { customer: string; distance: number }) =>
    `Checked in at ${p.customer} ✓ verified (${km(p.distance)} from the customer).`,
  /** `managerSees`: the person is in a team someone else manages (nobody to mention otherwise). */
  checkInOutside: (p: { customer: string; distance: number; radius: number; managerSees: boolean }) =>
    `Checked in at ${p.customer}, but you are ${km(p.distance)} away: outside the ${km(p.radius)} radius.${p.managerSees ? ' Your manager will see it as off-site.' : ''}`,
  checkInUnverifiedNoPosition: (p: { customer: string }) =>
    `Checked in at ${p.customer} (unverified: the customer has no position yet, so I can't compare).`,
  checkInUnverifiedNoLocation: (p: { customer: string }) => `Checked in at ${p.customer} (unverified: no location).`,
  accuracyFlag: (p: { accuracy: number; radius: number }) =>
    `Note: your location is only accurate to ${km(p.accuracy)}, worse than the ${km(p.radius)} radius.`,
  previousVisitClosed: (p: { customer: string; duration: number }) =>
    `Your open visit at ${p.customer} was closed first (${minutes(p.duration)}).`,
  alreadyCheckedIn: (p: { customer: string }) => `You are already checked in at ${p.customer}. Check out with "checkout".`,
  checkInThenNotes: () => 'When you leave, send "checkout <notes>".',

  checkOutDone: (p: { customer: string; duration: number }) =>
    `Checked out of ${p.customer} after ${minutes(p.duration)}.`,
  checkOutAskNotes: () => 'How did it go? Reply with your notes (or "visit <customer>: notes; next: …; follow up: …").',
  checkOutNotesSaved: (p: { customer: string }) => `Notes saved for the visit at ${p.customer}.`,
  noOpenVisit: () => 'You have no open visit to check out of. Check in first: "checkin <customer>".',

  visitNoteSaved: (p: { customer: string; nextStep: string; followUp: string; noteOnly: boolean }) =>
    [
      p.noteOnly
        ? `Visit at ${p.customer} logged (no check-in, marked as such).`
        : `Notes added to your visit at ${p.customer}.`,
      p.nextStep ? `Next step: ${p.nextStep}` : null,
      p.followUp ? `Follow up on ${p.followUp}.` : null,
    ].filter(Boolean).join('\n'),
  badFollowUpDate: (p: { text: string }) =>
    `I couldn't read "${p.text}" as a date. Try "tomorrow", "next Friday" or "Mar 5".`,

  reportSummary: (p: {
    date: string; visits: number; customers: string; verified: number; outside: number; unverified: number;
    noteOnly: number; notes: string; followUps: number;
  }) =>
    [
      `Daily report for ${p.date}`,
      `Visits: ${p.visits} (verified ${p.verified}, outside ${p.outside}, unverified ${p.unverified}, without check-in ${p.noteOnly})`,
      `Customers: ${p.customers || '—'}`,
      p.notes ? `Notes:\n${p.notes}` : null,
      `Follow-ups set: ${p.followUps}`,
    ].filter(Boolean).join('\n'),
  reportNoteLine: (p: { customer: string; notes: string; nextStep: string; followUp: string }) =>
    `• ${p.customer}: ${p.notes || '—'}${p.nextStep ? `; next: ${p.nextStep}` : ''}${p.followUp ? ` (follow up ${p.followUp})` : ''}`,
  reportAskText: () =>
    'Reply with your own words: what you did, your plan for tomorrow, any problems. Or "report <text>".',
  reportAlreadyIn: (p: { time: string }) => `(You already submitted today's report at ${p.time}; replying again edits it.)`,
  reportSubmitted: (p: { date: string; late: boolean; deadline: string }) =>
    p.late
      ? `Daily report for ${p.date} submitted — late (after ${p.deadline}).`
      : `Daily report for ${p.date} submitted. Thanks!`,
  reportUpdated: (p: { date: string; late: boolean }) =>
    `Daily report for ${p.date} updated${p.late ? ' (late)' : ''}.`,

  todayHeader: (p: { date: string }) => `Today (${p.date}):`,
  todayVisitLine: (p: { time: string; customer: string; status: string; open: boolean; notes: boolean }) =>
    `• ${p.time} ${p.customer} — ${p.status}${p.open ? ', still open' : ''}${p.notes ? ', notes ✓' : ''}`,
  todayNoVisits: () => '• no visits yet',
  todayReport: (p: { state: 'missing' | 'in' | 'late'; deadline: string }) =>
    p.state === 'missing' ? `Report: not yet (due ${p.deadline})` : p.state === 'late' ? 'Report: submitted (late)' : 'Report: submitted ✓',
  status: (p: { status: 'verified' | 'outside' | 'unverified' | 'note_only' }) =>
    ({ verified: 'verified', outside: 'outside', unverified: 'unverified', note_only: 'no check-in' })[p.status],

  teamCreated: (p: { name: string }) =>
    `Team "${p.name}" created; you manage it. Reps join with "join ${p.name}". In the team's group chat, send "bind ${p.name}".`,
  teamExists: (p: { name: string }) => `A team named "${p.name}" already exists.`,
  teamNotFound: (p: { name: string }) => `No team named "${p.name}".`,
  teamJoined: (p: { name: string }) => `You joined team "${p.name}".`,
  teamAlreadyMember: (p: { name: string }) => `You are already in team "${p.name}".`,
  teamBound: (p: { name: string }) => `This chat is now team "${p.name}"'s channel: leaderboards will be posted here.`,
  teamBindOnlyInGroup: () => 'Send "bind <team>" inside the group chat you want to bind.',
  teamBindOnlyManager: (p: { name: string }) => `Only the manager of "${p.name}" can bind it to a chat.`,

  timeZoneSet: (p: { zone: string; time: string }) => `Time zone set to ${p.zone} (it is ${p.time} there now).`,
  timeZoneUnknown: (p: { zone: string }) => `"${p.zone}" is not a time zone I know. Use an IANA name such as Asia/Shanghai or America/Los_Angeles.`,
  languageSet: () => 'I will reply in English.',

  locationChooseCustomer: (p: { options: string }) =>
    `Got your location. Which customer are you visiting? Reply with a number, or "checkin <customer>":\n${p.options}`,
  locationNameCustomer: () => 'Got your location. Which customer are you visiting? Send "checkin <customer>" within 10 minutes.',
  nearbyCustomerLine: (p: { index: number; name: string; distance: number }) => `${p.index}. ${p.name} (${km(p.distance)})`,

  checkInUnverifiedImprecise: (p: { customer: string; accuracy: number; radius: number }) =>
    `Checked in at ${p.customer} (unverified: your location is only accurate to ${km(p.accuracy)}, wider than the ${km(p.radius)} radius, so it cannot show you were there). Step outside or wait for a better fix next time.`,
  staleAnswer: () =>
    'That list is no longer current: it was already answered, replaced by a newer question, or it expired. Nothing was changed. Use the latest list, or start again (for example "checkin <customer>" or send your location).',
  privateReplySent: (p: { name: string }) => `${p.name}, I sent you the rest in a private chat: it is for you alone.`,
  privateReplyUnreachable: (p: { name: string }) =>
    `${p.name}, my answer is for you alone and I cannot reach you in a private chat yet. Send me a direct message, then ask there.`,
  attachmentNotUnderstood: () =>
    [
      "I can't read photos, files, voice messages, videos or links yet.",
      'I understand text commands, such as "checkin Huawei", "checkout <notes>" or "report <text>" (send "help" for all of them), and locations.',
      'To check in, send your location as a location message where your chat app has one, or send "checkin <customer>" and open the link I send you.',
    ].join('\n'),
  attachmentNotKept: () => 'Note: the attachment itself is not kept; I read only the text of your message.',
  ...rolesEnUS,
  ...teamDayEnUS,
  ...chartsEnUS,
  ...privacyEnUS,
  ...settingsChatEnUS,
  ...apiTokensEnUS,
  ...commentsEnUS,
  ...consoleEnUS,
  ...alertsEnUS,
  ...greetingsEnUS,
  ...checkOutEnUS,
  ...pagesEnUS,
};
