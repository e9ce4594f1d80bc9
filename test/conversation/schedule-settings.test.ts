import { describe, expect, it } from 'vitest';
import { useHarness, type TestHarness } from '../support/test-app.ts';
import { saveScheduleOverrides } from '../../src/core/schedules/settings-repository.ts';
import { registerInEnglish, userOf } from './helpers.ts';

/**
 * Schedule settings changed from chat by managers and admins, read back from the chat and from the
 * `schedule_settings` rows the scheduler reads, and honoured by the scheduler itself.
 * 2026-11-27 is a Friday; the harness starts at 10:00 in Shanghai, everyone's default zone.
 */
const h = useHarness();

/** `admin` (the first person, an admin in no team), `boss` managing 华东 with rep `ann`. */
async function eastTeam(s: TestHarness): Promise<void> {
  await s.register('admin', 'boss', 'ann');
  await s.say('admin', '加入方式 开放');
  await s.say('admin', '创建团队 华东 经理 boss');
  await s.say('ann', '加入团队 华东');
}

async function storedOverrides(s: TestHarness) {
  const rows = await s.db
    .selectFrom('schedule_settings as s')
    .leftJoin('teams as t', 't.id', 's.scope_id')
    .select(['s.scope', 't.name', 's.settings'])
    .orderBy('s.scope')
    .orderBy('t.created_at')
    .execute();
  return rows.map((row) => ({ scope: row.scope, ...(row.name ? { team: row.name } : {}), settings: row.settings }));
}

async function settingsAudit(s: TestHarness) {
  return s.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'schedule_settings.changed').orderBy('id').execute();
}

/** Everything a settings command could change. */
async function settingsState(s: TestHarness) {
  return { overrides: await storedOverrides(s), audit: await settingsAudit(s) };
}

describe('showing the settings', () => {
  it('设置 shows the defaults in force for my team, in Chinese', async () => {
    const s = h.current;
    await eastTeam(s);
    expect(await s.ask('boss', '设置')).toBe(
      [
        '团队"华东"的提醒设置：',
        '• 工作日：周一至周五',
        '• 接下来的节假日：无',
        '• 免打扰：22:00-07:00',
        '• 日报提醒：18:00（19:00 再提醒一次）',
        '• 经理每日简报：19:00',
        '• 周排行榜：周五 17:00',
        '时间均为每个人的当地时间。',
        '修改示例：「工作日 周一至周五」「节假日 添加 10月1日 至 10月7日」「免打扰 22:00-07:00」「日报提醒 18:30」「摘要时间 19:00」。',
        '',
        // The manager's own real-time alerts (issue #13), which a rep's listing leaves out.
        '你的实时提醒（如“提醒 范围外 关”可关闭）：',
        '• 范围外签到：开',
        '• 模拟定位：开',
        '• 简报后迟交的日报：开',
        '• 无需审批的入队：开',
      ].join('\n'),
    );
    // A rep sees the same settings, and is told who can change them.
    expect((await s.ask('ann', '设置')).split('\n').slice(0, 2)).toEqual(['团队"华东"的提醒设置：', '• 工作日：周一至周五']);
    expect((await s.ask('ann', '设置')).split('\n').at(-1)).toBe('只有团队经理或管理员可以修改。');
  });

  it('settings shows them in English, and an admin with no team sees the company default', async () => {
    const s = h.current;
    await registerInEnglish(s, 'admin');
    expect(await s.ask('admin', 'settings')).toBe(
      [
        'Schedule settings for the whole company (the default for teams):',
        '• Workdays: Mon–Fri',
        '• Upcoming holidays: none',
        '• Quiet hours: 22:00–07:00',
        '• Daily report reminder: 18:00 (again at 19:00)',
        "• Manager's daily digest: 19:00",
        '• Weekly leaderboard: Fri 17:00',
        "Times are each person's local time.",
        'Change them with e.g. "workdays mon-fri", "holiday add Oct 1 to Oct 7", "quiet 22:00-07:00", "report reminder 18:30", "digest time 19:00".',
      ].join('\n'),
    );
  });

  it('help lists the settings commands with an example in both languages', async () => {
    const s = h.current;
    await s.register('zh');
    await registerInEnglish(s, 'en');
    const zh = await s.ask('zh', '帮助');
    for (const example of ['设置', '工作日 周一至周五', '节假日 添加 10月1日 至 10月7日', '免打扰 22:00-07:00', '日报提醒 18:30', '摘要时间 19:00']) {
      expect(zh.split('\n'), example).toContainEqual(expect.stringMatching(new RegExp(`^• ${example} — `)));
    }
    const en = await s.ask('en', 'help');
    for (const example of ['settings', 'workdays mon-fri', 'holiday add Oct 1 to Oct 7', 'quiet 22:00-07:00', 'report reminder 18:30', 'digest time 19:00']) {
      expect(en.split('\n'), example).toContainEqual(expect.stringMatching(new RegExp(`^• ${example} — `)));
    }
  });
});

describe('changing the settings', () => {
  it('a manager changes their team’s settings in Chinese, each reply saying what is now in force', async () => {
    const s = h.current;
    await eastTeam(s);
    expect(await s.ask('boss', '工作日 周一至周六')).toBe('团队"华东"的工作日已改为：周一至周六。');
    expect(await s.ask('boss', '工作日 周一 周三 周五')).toBe('团队"华东"的工作日已改为：周一、周三、周五。');
    expect(await s.ask('boss', '免打扰 21:30-07:30')).toBe(
      '团队"华东"的免打扰时段已改为 21:30-07:30：这段时间不发消息，仍需提醒的会在结束后发出。',
    );
    expect(await s.ask('boss', '日报提醒 下午5点半')).toBe('团队"华东"的日报提醒已改为工作日 17:30，到 18:30 还没交会再提醒一次。');
    expect(await s.ask('boss', '摘要时间 20:00')).toBe('团队"华东"的经理每日简报已改为工作日 20:00 发送。');
    expect(await s.ask('boss', '节假日 添加 12月31日 至 1月2日')).toBe(
      '已为团队"华东"添加节假日：2026-12-31 至 2027-01-02。这些天不发提醒、简报和定时排行榜。\n接下来的节假日：2026-12-31 至 2027-01-02。',
    );
    expect(await s.ask('boss', '节假日 删除 2027-01-02')).toBe('2027-01-02 已不再是团队"华东"的节假日。\n接下来的节假日：2026-12-31 至 2027-01-01。');
    expect(await s.ask('boss', '节假日')).toBe('团队"华东"接下来的节假日：2026-12-31 至 2027-01-01。');

    expect(await storedOverrides(s)).toEqual([
      {
        scope: 'team',
        team: '华东',
        settings: {
          workdays: [1, 3, 5],
          quietHours: { start: '21:30', end: '07:30' },
          reminders: { report: '17:30' },
          digest: { daily: '20:00' },
          holidays: ['2026-12-31', '2027-01-01'],
        },
      },
    ]);
    expect((await s.ask('ann', '设置')).split('\n').slice(1, 7)).toEqual([
      '• 工作日：周一、周三、周五',
      '• 接下来的节假日：2026-12-31 至 2027-01-01',
      '• 免打扰：21:30-07:30',
      '• 日报提醒：17:30（18:30 再提醒一次）',
      '• 经理每日简报：20:00',
      '• 周排行榜：周五 17:00',
    ]);
    // Every change is in the audit log, with the value before and after.
    const audit = await settingsAudit(s);
    expect(audit).toHaveLength(7);
    expect(audit[0]!.detail).toEqual({ scope: 'team', team: '华东', setting: 'workdays', before: null, after: [1, 2, 3, 4, 5, 6] });
    expect(audit[1]!.detail).toMatchObject({ setting: 'workdays', before: [1, 2, 3, 4, 5, 6], after: [1, 3, 5] });
  });

  it('a manager changes their team’s settings in English, and turns things off', async () => {
    const s = h.current;
    await s.register('admin');
    await registerInEnglish(s, 'boss');
    await s.say('admin', 'team create East manager boss');
    expect(await s.ask('boss', 'workdays mon-fri')).toBe('Workdays for team East are now Mon–Fri.');
    expect(await s.ask('boss', 'workdays mon,wed,fri')).toBe('Workdays for team East are now Mon, Wed, Fri.');
    expect(await s.ask('boss', 'workdays 1-5')).toBe('Workdays for team East are now Mon–Fri.');
    expect(await s.ask('boss', 'quiet 10pm to 7am')).toBe(
      'Quiet hours for team East are now 22:00–07:00: nothing is sent then, and a reminder still relevant goes out when they end.',
    );
    expect(await s.ask('boss', 'report reminder 18:30')).toBe(
      'The daily report reminder for team East is now at 18:30 on workdays, again at 19:30 if the report is still not in.',
    );
    expect(await s.ask('boss', 'digest time 19:15')).toBe("The manager's daily digest for team East now comes at 19:15 on workdays.");
    expect(await s.ask('boss', 'holiday add 2026-12-24')).toBe(
      'Holiday added for team East: 2026-12-24. No reminders, digests or scheduled leaderboards then.\nUpcoming holidays: 2026-12-24.',
    );
    expect(await s.ask('boss', 'holiday add Dec 24')).toBe('2026-12-24 is already a holiday for team East.');
    expect(await s.ask('boss', 'holiday add Dec 30 to Jan 3')).toContain('Upcoming holidays: 2026-12-24, 2026-12-30 – 2027-01-03.');
    expect(await s.ask('boss', 'holidays')).toBe('Upcoming holidays for team East: 2026-12-24, 2026-12-30 – 2027-01-03.');
    expect(await s.ask('boss', 'holiday remove 2026-12-25')).toBe('2026-12-25 is not a holiday for team East. Send "holidays" to see them.');

    expect(await s.ask('boss', 'quiet off')).toBe('Quiet hours for team East are off: reminders go out at their time, day or night.');
    expect(await s.ask('boss', 'report reminder off')).toBe('Daily report reminders for team East are off.');
    expect(await s.ask('boss', 'digest time off')).toBe("The manager's daily digest for team East is off.");
    const [row] = await storedOverrides(s);
    expect(row!.settings).toMatchObject({ quietHours: null, reminders: { report: null }, digest: { daily: null }, workdays: [1, 2, 3, 4, 5] });
    expect((await s.ask('boss', 'settings')).split('\n').slice(3, 6)).toEqual([
      '• Quiet hours: none',
      '• Daily report reminder: off',
      "• Manager's daily digest: off",
    ]);
  });

  it('warns when a time falls inside quiet hours', async () => {
    const s = h.current;
    await eastTeam(s);
    expect(await s.ask('boss', '日报提醒 22:30')).toBe(
      '团队"华东"的日报提醒已改为工作日 22:30，到 23:30 还没交会再提醒一次。\n注意：22:30 在免打扰时段（22:00-07:00）内，会等到免打扰结束再发（如果那时已过当天则不再发）。',
    );
  });

  it('merges each change into what is stored, never wiping other fields', async () => {
    const s = h.current;
    await eastTeam(s);
    const team = await s.db.selectFrom('teams').select(['id', 'org_id']).executeTakeFirstOrThrow();
    const stored = {
      timeZone: 'Asia/Tokyo',
      reminders: { reportFollowUpMinutes: 30, keyCustomerDays: { A: 14 } },
      leaderboard: { points: { verifiedVisit: 5 } },
      digest: { weekly: null },
    };
    await saveScheduleOverrides({ db: s.db }, { scope: 'team', scopeId: team.id, orgId: team.org_id, overrides: stored, now: s.clock.now() });

    expect(await s.ask('boss', '日报提醒 17:00')).toBe('团队"华东"的日报提醒已改为工作日 17:00，到 17:30 还没交会再提醒一次。');
    await s.say('boss', '摘要时间 18:00');
    await s.say('boss', '工作日 周一至周四');
    await s.say('boss', '节假日 添加 2026-12-25');
    await s.say('boss', '免打扰 23:00-06:00');

    expect((await storedOverrides(s))[0]!.settings).toEqual({
      timeZone: 'Asia/Tokyo',
      reminders: { reportFollowUpMinutes: 30, keyCustomerDays: { A: 14 }, report: '17:00' },
      leaderboard: { points: { verifiedVisit: 5 } },
      digest: { weekly: null, daily: '18:00' },
      workdays: [1, 2, 3, 4],
      holidays: ['2026-12-25'],
      quietHours: { start: '23:00', end: '06:00' },
    });
  });
});

describe('who may change what', () => {
  it('a rep is refused politely in their language, and nothing changes', async () => {
    const s = h.current;
    await eastTeam(s);
    await registerInEnglish(s, 'ben');
    await s.say('ben', 'join 华东');
    const before = await settingsState(s);
    for (const text of ['工作日 周一至周六', '节假日 添加 2026-12-25', '免打扰 关', '日报提醒 17:00', '摘要时间 18:00', '工作日 周一至周六 全公司']) {
      expect(await s.ask('ann', text), text).toBe(
        text.endsWith('全公司') ? '只有管理员可以修改全公司的设置。去掉「全公司」即可修改你自己团队的设置。' : '只有团队经理或管理员可以修改提醒设置。发送「设置」可以查看当前设置。',
      );
    }
    expect(await s.ask('ben', 'quiet off')).toBe(
      'Only a team\'s manager or an admin can change schedule settings. Send "settings" to see the ones in force.',
    );
    expect(await s.ask('ben', 'workdays mon-sat team 华东')).toBe('Only the manager of team 华东 or an admin can change its settings.');
    expect(await settingsState(s)).toEqual(before);
    expect(before.overrides).toEqual([]);
  });

  it('a manager cannot change the company default or another team, and one with two teams is asked which', async () => {
    const s = h.current;
    await eastTeam(s);
    await s.register('west');
    await s.say('admin', '创建团队 华西 经理 west');
    const before = await settingsState(s);
    expect(await s.ask('boss', '免打扰 关 全公司')).toBe('只有管理员可以修改全公司的设置。去掉「全公司」即可修改你自己团队的设置。');
    expect(await s.ask('boss', '免打扰 关 团队 华西')).toBe('只有团队"华西"的经理或管理员可以修改它的设置。');
    expect(await s.ask('boss', '免打扰 关 团队 华南')).toBe('没有名为"华南"的团队。');
    expect(await settingsState(s)).toEqual(before);

    await s.say('admin', '创建团队 华北 经理 boss');
    expect(await s.ask('boss', '免打扰 关')).toBe('你管理多个团队（华东、华北），请在最后加上团队，例如「免打扰 22:00-07:00 团队 华东」。');
    expect(await settingsState(s)).toEqual(before);
    expect(await s.ask('boss', '免打扰 关 团队 华东')).toBe('已关闭团队"华东"的免打扰时段：提醒按时发出，不分昼夜。');
    expect((await storedOverrides(s)).map((row) => row.team)).toEqual(['华东']);
  });

  it('an admin sets the company default, a team keeps its own, and each person sees what applies to them', async () => {
    const s = h.current;
    await eastTeam(s);
    await s.register('wes');
    await s.say('boss', '免打扰 22:30-06:30');
    await s.say('admin', '创建团队 华西 经理 wes');

    // The admin manages no team: their changes are the org's defaults, with or without 全公司.
    expect(await s.ask('admin', '免打扰 21:00-08:00')).toBe(
      '全公司（各团队的默认设置）的免打扰时段已改为 21:00-08:00：这段时间不发消息，仍需提醒的会在结束后发出。\n有自己设置的团队保持不变：华东。',
    );
    expect(await s.ask('admin', '工作日 周一至周六 全公司')).toBe('全公司（各团队的默认设置）的工作日已改为：周一至周六。');
    expect(await s.ask('admin', '节假日 添加 2026-12-25')).toContain('已为全公司（各团队的默认设置）添加节假日：2026-12-25。');
    // An admin may also change a team by name.
    expect(await s.ask('admin', '日报提醒 17:45 团队 华西')).toBe('团队"华西"的日报提醒已改为工作日 17:45，到 18:45 还没交会再提醒一次。');

    expect(await storedOverrides(s)).toEqual([
      { scope: 'org', settings: { quietHours: { start: '21:00', end: '08:00' }, workdays: [1, 2, 3, 4, 5, 6], holidays: ['2026-12-25'] } },
      { scope: 'team', team: '华东', settings: { quietHours: { start: '22:30', end: '06:30' } } },
      { scope: 'team', team: '华西', settings: { reminders: { report: '17:45' } } },
    ]);
    const east = (await s.ask('ann', '设置')).split('\n');
    expect(east.slice(1, 4)).toEqual(['• 工作日：周一至周六', '• 接下来的节假日：2026-12-25', '• 免打扰：22:30-06:30']);
    const west = (await s.ask('wes', '设置')).split('\n');
    expect(west.slice(0, 5)).toEqual(['团队"华西"的提醒设置：', '• 工作日：周一至周六', '• 接下来的节假日：2026-12-25', '• 免打扰：21:00-08:00', '• 日报提醒：17:45（18:45 再提醒一次）']);
    expect((await s.ask('admin', '设置')).split('\n')[0]).toBe('全公司（各团队的默认设置）的提醒设置：');

    // A team adds its own holidays to the company's; the company's are removed by an admin only.
    expect(await s.ask('boss', '节假日 添加 2026-12-24')).toContain('接下来的节假日：2026-12-24 至 2026-12-25。');
    expect(await s.ask('boss', '节假日 删除 2026-12-25')).toBe('2026-12-25 是全公司的节假日，需要管理员发送「节假日 删除 2026-12-25 全公司」来删除。');
    expect(await s.ask('admin', '节假日 删除 2026-12-25 全公司')).toBe('2026-12-25 已不再是全公司（各团队的默认设置）的节假日。\n接下来的节假日：无。');
    expect(await s.ask('ann', '节假日')).toBe('团队"华东"接下来的节假日：2026-12-24。');
  });
});

describe('invalid input', () => {
  it('gets a short, specific answer in Chinese and changes nothing', async () => {
    const s = h.current;
    await eastTeam(s);
    await s.say('boss', '工作日 周一至周五');
    const before = await settingsState(s);
    const answers: Array<[string, string]> = [
      ['日报提醒 25:00', '"25:00"不是有效的时间。请用 24 小时制 时:分，例如 18:30。'],
      ['摘要时间 19:75', '"19:75"不是有效的时间。请用 24 小时制 时:分，例如 18:30。'],
      ['免打扰 22:00-31:00', '"31:00"不是有效的时间。请用 24 小时制 时:分，例如 18:30。'],
      ['免打扰 22:00', '看不懂免打扰时段"22:00"。请写开始和结束时间，例如「免打扰 22:00-07:00」，或「免打扰 关」。'],
      ['免打扰 22:00-22:00', '免打扰的开始和结束时间不能相同，例如「免打扰 22:00-07:00」（或「免打扰 关」）。'],
      ['工作日 周一至周八', '"周八"不是星期几。示例：工作日 周一至周五，或 工作日 周一 周三 周五。'],
      ['工作日 和', '请至少写一个工作日。示例：工作日 周一至周五。'],
      ['工作日', '缺少或无法识别的内容。示例：工作日 周一至周五（或 周一 周三 周五、1-5）'],
      ['节假日 添加 2026-13-01', '看不懂日期"2026-13-01"。可以写 2026-10-01、10月1日 或 明天。'],
      ['节假日 添加 2026-02-30', '看不懂日期"2026-02-30"。可以写 2026-10-01、10月1日 或 明天。'],
      ['节假日 添加 2026-12-10 至 2026-12-01', '2026-12-01 早于 2026-12-10。请先写开始日期，例如「节假日 添加 10月1日 至 10月7日」。'],
      ['节假日 添加 2026-12-01 至 2027-01-15', '超过 31 天了。长假请分几次添加，每次最多 31 天。'],
      ['节假日 添加 2026-10-01', '2026-10-01 已经过去了，节假日只对以后的日子有用。'],
      ['节假日 删除 2026-12-25', '2026-12-25 不是团队"华东"的节假日。发送「节假日」查看。'],
      ['节假日 2026-12-25', '缺少或无法识别的内容。示例：节假日 添加 10月1日 至 10月7日；节假日 删除 10月1日'],
    ];
    for (const [text, answer] of answers) expect(await s.ask('boss', text), text).toBe(answer);
    expect(await settingsState(s)).toEqual(before);
  });

  it('gets a short, specific answer in English and changes nothing', async () => {
    const s = h.current;
    await s.register('admin');
    await registerInEnglish(s, 'boss');
    await s.say('admin', 'team create East manager boss');
    const before = await settingsState(s);
    const answers: Array<[string, string]> = [
      ['report reminder 25:00', '"25:00" is not a time of day. Use 24-hour HH:MM, e.g. 18:30.'],
      ['quiet 22:00-7:61', '"7:61" is not a time of day. Use 24-hour HH:MM, e.g. 18:30.'],
      ['workdays mon-funday', '"funday" is not a weekday. Example: workdays mon-fri, or workdays mon,wed,fri.'],
      ['workdays and', 'Name at least one workday. Example: workdays mon-fri.'],
      ['workdays 0-4', '"0-4" is not a weekday. Example: workdays mon-fri, or workdays mon,wed,fri.'],
      ['holiday add 2026-12-32', '"2026-12-32" is not a date I can read. Try 2026-10-01, Oct 1 or 10/1.'],
      ['holiday add 2026-12-01 to 2027-02-01', 'That is more than 31 days. Add long breaks in parts of at most 31 days.'],
      ['holiday remove Dec 25', '2026-12-25 is not a holiday for team East. Send "holidays" to see them.'],
      ['digest time', 'Missing or unclear details. Example: digest time 19:00 (or digest time off)'],
    ];
    for (const [text, answer] of answers) expect(await s.ask('boss', text), text).toBe(answer);
    expect(await settingsState(s)).toEqual(before);
    expect((await userOf(s, 'boss')).role).toBe('manager');
  });
});

describe('the scheduler honours settings changed in chat', () => {
  /** Runs the scheduler's passes at `instant` and delivers what they wrote. */
  async function at(s: TestHarness, instant: string): Promise<void> {
    s.clock.set(instant);
    await s.app.scheduler.runDueNow();
    await s.app.delivery.drainOnce();
  }

  async function twoTeams(s: TestHarness): Promise<void> {
    await eastTeam(s);
    await s.register('wes', 'will');
    await s.say('admin', '创建团队 华西 经理 wes');
    await s.say('will', '加入团队 华西');
    await s.newMessages('/local/inbox/ann');
    await s.newMessages('/local/inbox/will');
  }

  const texts = async (s: TestHarness, user: string) => (await s.newMessages(`/local/inbox/${user}`)).map((m) => m.text);

  it('a holiday added by chat suppresses that day’s 18:00 report reminder for that team only; removing it brings it back', async () => {
    const s = h.current;
    await twoTeams(s);
    expect(await s.ask('boss', '节假日 添加 今天')).toContain('已为团队"华东"添加节假日：2026-11-27。');

    await at(s, '2026-11-27T10:00:00Z'); // Friday 18:00 in Shanghai
    expect(await texts(s, 'ann')).toEqual([]);
    expect(await texts(s, 'will')).toEqual([expect.stringContaining('现在是 18:00，你 2026-11-27 的日报还没交')]);

    // Taken back at 18:20: the reminder is still relevant and goes out at the next pass.
    s.clock.set('2026-11-27T10:20:00Z');
    expect(await s.ask('boss', '节假日 删除 2026-11-27')).toContain('2026-11-27 已不再是团队"华东"的节假日。');
    await at(s, '2026-11-27T10:21:00Z');
    expect(await texts(s, 'ann')).toEqual([expect.stringContaining('现在是 18:21，你 2026-11-27 的日报还没交')]);
  });

  it('a report reminder time and workdays changed by chat move the reminder', async () => {
    const s = h.current;
    await twoTeams(s);
    await s.say('boss', '日报提醒 17:00');
    await s.say('admin', '工作日 周一至周六');

    await at(s, '2026-11-27T09:00:00Z'); // 17:00: East's new time, West still on the default 18:00
    expect(await texts(s, 'ann')).toEqual([expect.stringContaining('现在是 17:00')]);
    expect(await texts(s, 'will')).toEqual([]);
    await at(s, '2026-11-27T10:00:00Z');
    expect(await texts(s, 'will')).toEqual([expect.stringContaining('现在是 18:00')]);

    await at(s, '2026-11-28T10:00:00Z'); // Saturday is now a workday for the whole company
    expect(await texts(s, 'will')).toEqual([expect.stringContaining('2026-11-28 的日报还没交')]);
    await at(s, '2026-11-29T10:00:00Z'); // Sunday is not
    expect(await texts(s, 'will')).toEqual([]);
  });
});
