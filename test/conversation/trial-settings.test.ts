import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { checkIns, customerNamed, snapshot } from './helpers.ts';

/**
 * Issue #13's settings from chat tried as each of its users would, in both languages: a rep, the
 * manager of their team, the manager of another team, an admin. 2026-11-27 is a Friday; everyone is
 * in Asia/Shanghai (UTC+8).
 */
const h = useHarness();

type Lang = 'zh' | 'en';

/** The same people in either language: the admin, a team's manager and rep, another team's, and a rep in no team. */
const cast = {
  zh: { admin: '李四', manager: '张三', rep: '王五', otherManager: '赵六', otherRep: '钱八', loner: '孙七', team: '华东', otherTeam: '华西', customer: '华为', second: '腾讯' },
  en: { admin: 'Li', manager: 'Zhang', rep: 'Wang', otherManager: 'Zhao', otherRep: 'Qian', loner: 'Sun', team: 'East', otherTeam: 'West', customer: 'Huawei', second: 'Tencent' },
} as const;

/** About 670 m north of the customer: outside the default 500 m, inside a 1 km campus. */
const campusGate = { lat: 22.546, lng: 113.95 };

/**
 * The admin opens joining; the manager's team has the rep, the other team the other rep; the loner
 * joins nothing. The rep creates the customer from chat (so owns it) and logs a visit there with notes.
 */
async function org(lang: Lang) {
  const s = h.current;
  const c = cast[lang];
  const people = [c.admin, c.manager, c.rep, c.otherManager, c.otherRep, c.loner];
  await s.register(...people);
  if (lang === 'en') for (const who of people) expect(await s.ask(who, 'language en')).toBe('I will reply in English.');
  const zh = lang === 'zh';
  await s.say(c.admin, zh ? '加入方式 开放' : 'joining open');
  await s.say(c.admin, zh ? `创建团队 ${c.team} 经理 ${c.manager}` : `team create ${c.team} manager ${c.manager}`);
  await s.say(c.admin, zh ? `创建团队 ${c.otherTeam} 经理 ${c.otherManager}` : `team create ${c.otherTeam} manager ${c.otherManager}`);
  await s.say(c.rep, zh ? `加入团队 ${c.team}` : `join ${c.team}`);
  await s.say(c.otherRep, zh ? `加入团队 ${c.otherTeam}` : `join ${c.otherTeam}`);
  await s.say(c.rep, zh ? `新客户 ${c.customer} 22.54,113.95` : `new customer ${c.customer} 22.54,113.95`);
  // Everyone's earlier news (appointed, joined) is read now, so each answer below is the last message.
  for (const who of people) await s.say(who, zh ? '帮助' : 'help');
  return c;
}

async function audits(action: string) {
  const rows = await h.current.db.selectFrom('audit_log').select(['detail']).where('action', '=', action).execute();
  return rows.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail));
}

describe('an off-site check-in', () => {
  it('zh: reads "超出 500 米范围" and mentions the manager only to someone who has one', async () => {
    const c = await org('zh');
    await h.current.say(c.loner, `新客户 ${c.second} 22.54,113.95`);
    expect(await h.current.say(c.rep, `签到 ${c.customer}`, { location: campusGate })).toEqual([
      '已在 华为 签到，但你距客户 667 米，超出 500 米范围，经理会看到这是一次范围外签到。\n离开时发送"签退 <备注>"。',
    ]);
    // A rep in no team, a manager of their own team only, an admin in no team: nobody sees it as their manager.
    for (const who of [c.loner, c.manager, c.admin]) {
      await h.current.say(who, '签退');
      expect(await h.current.say(who, `签到 ${c.second}`, { location: campusGate }), who).toEqual([
        '已在 腾讯 签到，但你距客户 667 米，超出 500 米范围。\n离开时发送"签退 <备注>"。',
      ]);
    }
    await h.current.say(c.rep, '签退');
    const imprecise = { lat: 22.558, lng: 113.95, accuracy: 600 };
    expect(await h.current.ask(c.rep, `签到 ${c.customer}`, { location: imprecise })).toContain('注意：你的定位精度只有 600 米，比 500 米的范围还大。');
  });

  it('en: the manager is mentioned only to someone who has one', async () => {
    const c = await org('en');
    await h.current.say(c.loner, `new customer ${c.second} 22.54,113.95`);
    expect(await h.current.say(c.rep, `checkin ${c.customer}`, { location: campusGate })).toEqual([
      'Checked in at Huawei, but you are 667 m away: outside the 500 m radius. Your manager will see it as off-site.\nWhen you leave, send "checkout <notes>".',
    ]);
    for (const who of [c.loner, c.manager, c.admin]) {
      await h.current.say(who, 'checkout');
      expect(await h.current.say(who, `checkin ${c.second}`, { location: campusGate }), who).toEqual([
        'Checked in at Tencent, but you are 667 m away: outside the 500 m radius.\nWhen you leave, send "checkout <notes>".',
      ]);
    }
  });
});

describe("a customer's own radius decides the next check-in", () => {
  it('en: set by the manager, it turns the same spot from outside to verified', async () => {
    const c = await org('en');
    expect(await h.current.ask(c.rep, `checkin ${c.customer}`, { location: campusGate })).toContain('outside the 500 m radius');
    await h.current.say(c.rep, 'checkout');
    expect(await h.current.ask(c.manager, `customer ${c.customer} radius 1km`)).toBe('Check-ins at Huawei now count as on site within 1000 m.');
    expect(await h.current.ask(c.rep, `checkin ${c.customer}`, { location: campusGate })).toBe(
      'Checked in at Huawei ✓ verified (667 m from the customer).\nWhen you leave, send "checkout <notes>".',
    );
    expect((await checkIns(h.current)).map((r) => [r.status, r.radius_m])).toEqual([
      ['outside', 500],
      ['verified', 1000],
    ]);
  });
});

describe('points rules', () => {
  /** The admin's audit log through the admin API, with a token the admin made in chat. */
  async function auditLogOverApi(admin: string, lang: Lang) {
    const created = await h.current.ask(admin, lang === 'zh' ? 'API令牌 新建 审计' : 'api token new audit');
    const token = /lw_[A-Za-z0-9_-]+/.exec(created)?.[0];
    expect(token, created).toBeDefined();
    const res = await h.current.app.http.request('/api/v1/audit-log?action=org.points_changed', { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: { actor: { name: string } | null; detail: Record<string, unknown> }[] }).items;
  }

  it('zh: a change is confirmed with the new rules, audited before/after; no change says so; refusals change nothing', async () => {
    const c = await org('zh');
    const before = await snapshot(h.current);
    for (const who of [c.rep, c.manager, c.otherManager]) expect(await h.current.ask(who, '积分 核实拜访 5 备注 2 日报 1'), who).toBe('只有管理员可以这样做，请联系李四。');
    expect(await snapshot(h.current)).toEqual(before);
    expect(await h.current.db.selectFrom('schedule_settings').select('scope').execute()).toEqual([]);

    expect(await h.current.ask(c.admin, '积分 核实拜访 5 日报 2')).toBe(
      [
        '积分规则已更新，现在是：',
        '• 核实拜访：5 分',
        '• 核实拜访并写了备注和下一步：另加 2 分',
        '• 按时提交日报：2 分',
        '• 范围外签到：0 分',
        '• 核实拜访计划中的客户：另加 1 分',
      ].join('\n'),
    );
    expect(await h.current.ask(c.rep, '积分规则')).toContain('• 核实拜访：5 分');
    expect(await h.current.ask(c.admin, '积分 核实拜访 5')).toMatch(/^积分规则没有变化，仍是：\n• 核实拜访：5 分\n/u);
    const log = await auditLogOverApi(c.admin, 'zh');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: { name: '李四' },
      detail: { before: { verifiedVisit: 3, reportOnTime: 1 }, after: { verifiedVisit: 5, reportOnTime: 2 } },
    });
  });

  it('en: the same in English', async () => {
    const c = await org('en');
    for (const who of [c.rep, c.manager, c.otherManager]) expect(await h.current.ask(who, 'points verified 4'), who).toBe('Only an admin can do that. Ask Li.');
    expect(await h.current.ask(c.admin, 'points verified 4 notes 2 report 1')).toBe(
      [
        'Points updated. Leaderboard points are now:',
        '• verified visit: 4',
        '• verified visit with notes and next step: +2',
        '• daily report on time: 1',
        '• visit outside the radius: 0',
        '• verified visit to a planned stop: +1',
      ].join('\n'),
    );
    expect(await h.current.ask(c.admin, 'points verified 4')).toMatch(/^No change; leaderboard points are still:\n• verified visit: 4\n/u);
    const log = await auditLogOverApi(c.admin, 'en');
    expect(log.map((e) => e.detail)).toMatchObject([{ before: { verifiedVisit: 3 }, after: { verifiedVisit: 4 } }]);
  });
});

describe('visit notes on a customer card', () => {
  /** The card's visit and follow-up lines, as `who` sees them. */
  async function cardLines(who: string, command: string): Promise<string[]> {
    return (await h.current.ask(who, command)).split('\n').filter((line) => line.startsWith('•'));
  }

  it('zh: hidden next steps read as a follow-up, not a blank; admin and own manager see notes, another team only with nothing shared across', async () => {
    const c = await org('zh');
    await h.current.say(c.rep, `签到 ${c.customer} 22.54,113.95`);
    await h.current.say(c.rep, `拜访 ${c.customer} 谈了价格 下一步 发报价 跟进 下周五`);
    const shown = ['• 2026-11-27 王五（已核实）：谈了价格', '• 2026-12-04 发报价（王五）'];
    const hidden = ['• 2026-11-27 王五（已核实）', '• 2026-12-04 跟进（王五）'];
    expect(await cardLines(c.admin, '客户 华为')).toEqual(shown);
    expect(await cardLines(c.manager, '客户 华为')).toEqual(shown);
    expect(await cardLines(c.otherManager, '客户 华为')).toEqual(hidden);
    expect(await h.current.ask(c.admin, '共享备注 开')).toBe('现在同一团队的成员可以在客户卡片上看到彼此的拜访备注。');
    expect(await cardLines(c.otherManager, '客户 华为')).toEqual(hidden);
    expect(await cardLines(c.otherRep, '客户 华为')).toEqual(hidden);
    expect(await h.current.ask(c.admin, '共享备注 关')).toBe('现在客户卡片上的拜访备注只给本人、团队经理和管理员看。');
    expect(await cardLines(c.admin, '客户 华为')).toEqual(shown);
  });

  it('en: the same for English readers, sharing on and off', async () => {
    const c = await org('en');
    await h.current.say(c.rep, `checkin ${c.customer} 22.54,113.95`);
    await h.current.say(c.rep, `visit ${c.customer}: talked price; next: send quote; follow up: next Friday`);
    const shown = ['• 2026-11-27 Wang (verified): talked price', '• 2026-12-04 send quote (Wang)'];
    const hidden = ['• 2026-11-27 Wang (verified)', '• 2026-12-04 follow-up (Wang)'];
    expect(await cardLines(c.admin, 'customer Huawei')).toEqual(shown);
    expect(await cardLines(c.otherManager, 'customer Huawei')).toEqual(hidden);
    expect(await h.current.ask(c.manager, 'share notes on')).toBe('Only an admin can do that. Ask Li.');
    expect(await h.current.ask(c.admin, 'share notes on')).toBe("Team members now see each other's visit notes on customer cards.");
    expect(await cardLines(c.otherManager, 'customer Huawei')).toEqual(hidden);
    expect(await h.current.ask(c.admin, 'share notes off')).toBe("Visit notes on customer cards are now shown only to their author, the team's manager and admins.");
    expect(await cardLines(c.otherManager, 'customer Huawei')).toEqual(hidden);
    expect(await cardLines(c.manager, 'customer Huawei')).toEqual(shown);
  });
});

describe("changing a customer whose owner is in no team", () => {
  it('zh: a manager is told only an admin can, and nothing changes', async () => {
    const c = await org('zh');
    await h.current.say(c.loner, `新客户 ${c.second} 22.54,113.95`);
    const before = await snapshot(h.current);
    for (const command of [`客户 ${c.second} 级别 A`, `客户 ${c.second} 负责人 张三`, `客户 ${c.second} 范围 1000米`]) {
      expect(await h.current.ask(c.manager, command), command).toBe('只有管理员（李四）可以修改 腾讯。');
      expect(await h.current.ask(c.rep, command), command).toBe('只有管理员（李四）可以修改 腾讯。');
    }
    expect(await snapshot(h.current)).toEqual(before);
    expect(await customerNamed(h.current, c.second)).toMatchObject({ tier: 'C', radius_m: null });
    expect(await h.current.ask(c.admin, `客户 ${c.second} 级别 A`)).toBe('腾讯 现在是 A 级客户。');
  });

  it('en: the same in English', async () => {
    const c = await org('en');
    await h.current.say(c.loner, `new customer ${c.second} 22.54,113.95`);
    expect(await h.current.ask(c.manager, `customer ${c.second} tier A`)).toBe('Only an admin (Li) can change Tencent.');
    expect(await h.current.ask(c.otherManager, `customer ${c.second} owner Zhao`)).toBe('Only an admin (Li) can change Tencent.');
    expect((await customerNamed(h.current, c.second)).tier).toBe('C');
  });
});

describe('tier and owner from chat in the weekly overdue nudge', () => {
  /** Monday 2026-12-07 09:00 in Shanghai, when the nudge goes; what each person got since. */
  async function mondayNudges(...people: string[]): Promise<Record<string, string[]>> {
    h.current.clock.set('2026-12-07T01:00:00Z');
    await h.current.app.scheduler.runDueNow();
    await h.current.app.delivery.drainOnce();
    const out: Record<string, string[]> = {};
    for (const who of people) {
      const texts = (await h.current.newMessages(`/local/inbox/${encodeURIComponent(who)}`)).map((m) => m.text);
      out[who] = texts.filter((t) => t.startsWith('以下重点客户') || t.startsWith('Key customers'));
    }
    return out;
  }

  it('zh: a customer made tier A is nudged to its owner; one moved to another owner goes to them', async () => {
    const c = await org('zh');
    await h.current.say(c.rep, `新客户 ${c.second} 22.55,113.95`);
    for (const name of [c.customer, c.second]) {
      await h.current.say(c.rep, `签到 ${name} 22.54,113.95`);
      await h.current.say(c.rep, '签退');
    }
    // Left at tier C (90 days), neither would be overdue on Monday.
    expect(await h.current.ask(c.manager, `客户 ${c.customer} 级别 A`)).toBe('华为 现在是 A 级客户。');
    expect(await h.current.ask(c.admin, `客户 ${c.second} 级别 A`)).toBe('腾讯 现在是 A 级客户。');
    expect(await h.current.ask(c.admin, `客户 ${c.second} 负责人 ${c.otherManager}`)).toBe('腾讯 的负责人改为 赵六。');
    expect(await mondayNudges(c.rep, c.otherManager, c.manager)).toEqual({
      [c.rep]: ['以下重点客户该去拜访了：\n• 华为（A 级）：上次拜访是 9 天前'],
      [c.otherManager]: ['以下重点客户该去拜访了：\n• 腾讯（A 级）：上次拜访是 9 天前'],
      [c.manager]: [],
    });
  });

  it('en: the same in English', async () => {
    const c = await org('en');
    await h.current.say(c.rep, `new customer ${c.second} 22.55,113.95`);
    for (const name of [c.customer, c.second]) {
      await h.current.say(c.rep, `checkin ${name} 22.54,113.95`);
      await h.current.say(c.rep, 'checkout');
    }
    expect(await h.current.ask(c.manager, `customer ${c.customer} tier A`)).toBe('Huawei is now a tier A customer.');
    expect(await h.current.ask(c.manager, `customer ${c.second} tier A`)).toBe('Tencent is now a tier A customer.');
    expect(await h.current.ask(c.manager, `customer ${c.second} owner ${c.manager}`)).toBe('Zhang now owns Tencent.');
    expect(await mondayNudges(c.rep, c.manager)).toEqual({
      [c.rep]: ['Key customers overdue for a visit:\n• Huawei (tier A): last visit 9 days ago'],
      [c.manager]: ['Key customers overdue for a visit:\n• Tencent (tier A): last visit 9 days ago'],
    });
  });
});

describe('help for the settings from chat', () => {
  it('zh: 帮助 shows how to change a customer, read and change the points and the radius; each example works for an admin', async () => {
    const c = await org('zh');
    const help = await h.current.ask(c.rep, '帮助');
    expect(help).toContain('• 客户 华为 级别 A — （经理、管理员）修改客户级别；也可 "客户 华为 负责人 张三"、"客户 华为 范围 1000米"');
    expect(help).toContain('• 积分规则 — 排行榜怎么计分；（管理员）"积分 核实拜访 3 备注 2 日报 1" 修改，"签到范围 300米" 设置签到范围');
    expect(await h.current.ask(c.admin, '客户 华为 级别 A')).toBe('华为 现在是 A 级客户。');
    expect(await h.current.ask(c.admin, '客户 华为 负责人 张三')).toBe('华为 的负责人改为 张三。');
    expect(await h.current.ask(c.admin, '客户 华为 范围 1000米')).toBe('在 华为 签到，1000 米以内算在现场。');
    expect(await h.current.ask(c.admin, '积分规则')).toMatch(/^排行榜积分规则：/u);
    expect(await h.current.ask(c.admin, '积分 核实拜访 3 备注 2 日报 1')).toMatch(/^积分规则没有变化/u);
    expect(await h.current.ask(c.admin, '签到范围 300米')).toBe('签到范围已改为 300 米（设置了自己范围的客户不变）。');
  });

  it('en: help shows the same; each example works for an admin', async () => {
    const c = await org('en');
    await h.current.say(c.admin, 'help');
    const help = await h.current.ask(c.rep, 'help');
    expect(help).toContain('• customer Huawei tier A — (managers, admins) change a customer\'s tier; also "customer Huawei owner Zhang", "customer Huawei radius 1000m"');
    expect(help).toContain('• points — how the leaderboard scores; (admins) "points verified 3 notes 2 report 1" changes it, "radius 300m" sets the check-in radius');
    expect(await h.current.ask(c.admin, 'customer Huawei tier A')).toBe('Huawei is now a tier A customer.');
    expect(await h.current.ask(c.admin, 'customer Huawei owner Zhang')).toBe('Zhang now owns Huawei.');
    expect(await h.current.ask(c.admin, 'customer Huawei radius 1000m')).toBe('Check-ins at Huawei now count as on site within 1000 m.');
    expect(await h.current.ask(c.admin, 'points')).toMatch(/^Leaderboard points:/u);
    expect(await h.current.ask(c.admin, 'points verified 3 notes 2 report 1')).toMatch(/^No change/u);
    expect(await h.current.ask(c.admin, 'radius 300m')).toBe('Check-ins now count as on site within 300 m of the customer (customers with their own radius keep it).');
  });
});

describe('lists in a refusal', () => {
  it('zh: teams and customers are listed with 、, not an English comma', async () => {
    const c = await org('zh');
    await h.current.say(c.rep, `加入团队 ${c.otherTeam}`);
    expect(await h.current.ask(c.admin, `移出团队 ${c.rep}`)).toBe('王五在多个团队里（华东、华西），请写明团队，例如"移出团队 王五 <团队>"。');
    await h.current.say(c.rep, '新客户 华为技术 22.60,113.90');
    expect(await h.current.ask(c.manager, '客户 华 级别 A')).toBe('有多个客户符合"华"（华为、华为技术），请写全名。');
  });

  it('en: with a comma', async () => {
    const c = await org('en');
    await h.current.say(c.rep, `join ${c.otherTeam}`);
    expect(await h.current.ask(c.admin, `remove ${c.rep}`)).toBe('Wang is in several teams (East, West); say which, e.g. "remove Wang from <team>".');
    await h.current.say(c.rep, 'new customer Huawei Tech 22.60,113.90');
    expect(await h.current.ask(c.manager, 'customer Hua tier A')).toBe('Several customers match "Hua" (Huawei, Huawei Tech); write the full name.');
  });
});

describe('a tier as people type it', () => {
  it('zh: "A 级", "B类" and "c" are tiers; "D 级" is answered', async () => {
    const c = await org('zh');
    expect(await h.current.ask(c.manager, '客户 华为 级别 A 级')).toBe('华为 现在是 A 级客户。');
    expect(await h.current.ask(c.manager, '客户 华为 级别 B类')).toBe('华为 现在是 B 级客户。');
    expect(await h.current.ask(c.manager, '客户 华为 级别 c')).toBe('华为 现在是 C 级客户。');
    expect(await h.current.ask(c.manager, '客户 华为 级别 D 级')).toBe('"D 级"不是客户级别，请用 A、B 或 C。');
    expect((await customerNamed(h.current, c.customer)).tier).toBe('C');
  });

  it('en: "b" and " A " are tiers; "Z" is answered', async () => {
    const c = await org('en');
    expect(await h.current.ask(c.manager, 'customer Huawei tier b')).toBe('Huawei is now a tier B customer.');
    expect(await h.current.ask(c.manager, 'customer Huawei tier  A ')).toBe('Huawei is now a tier A customer.');
    expect(await h.current.ask(c.manager, 'customer Huawei tier Z')).toBe('"Z" is not a tier; use A, B or C.');
    expect((await customerNamed(h.current, c.customer)).tier).toBe('A');
  });
});

describe('a simulated position sent from the location page', () => {
  /** Checks `who` in at the customer through the link the chat sent, as the page posts it, with a mocked position. */
  async function mockedCheckIn(who: string, command: string) {
    const reply = (await h.current.say(who, command)).join('\n');
    const token = /\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(reply)?.[1];
    expect(token, reply).toBeDefined();
    const page = await (await h.current.app.http.request(`/c/${token}`)).text();
    const res = await h.current.app.http.request(`/c/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lat: 22.54, lng: 113.95, accuracy: 5, mocked: true }),
    });
    return { page, result: (await res.json()) as { ok: boolean; mocked: boolean; managerSees: boolean } };
  }

  it('zh: says the manager will see it only to someone with a manager', async () => {
    const c = await org('zh');
    await h.current.say(c.loner, `新客户 ${c.second} 22.54,113.95`);
    const rep = await mockedCheckIn(c.rep, `签到 ${c.customer}`);
    expect(rep.result).toMatchObject({ ok: true, mocked: true, managerSees: true });
    expect(rep.page).toContain('该位置被报告为模拟定位，经理会看到这一点。');
    expect(rep.page).toContain('该位置被报告为模拟定位，已如实记录。');
    expect((await mockedCheckIn(c.loner, `签到 ${c.second}`)).result).toMatchObject({ ok: true, mocked: true, managerSees: false });
    expect((await mockedCheckIn(c.manager, `签到 ${c.second}`)).result).toMatchObject({ ok: true, mocked: true, managerSees: false });
  });

  it('en: the same', async () => {
    const c = await org('en');
    await h.current.say(c.loner, `new customer ${c.second} 22.54,113.95`);
    expect((await mockedCheckIn(c.rep, `checkin ${c.customer}`)).result).toMatchObject({ mocked: true, managerSees: true });
    const loner = await mockedCheckIn(c.loner, `checkin ${c.second}`);
    expect(loner.result).toMatchObject({ mocked: true, managerSees: false });
    expect(loner.page).toContain('The position was reported as simulated (mock location), and is recorded as such.');
  });
});

describe('a customer card asked for in a team group', () => {
  /** Everything the bot posted to a local group channel, one text per message. */
  async function groupTexts(channelId: string): Promise<string[]> {
    await h.current.app.delivery.drainOnce();
    const res = await h.current.app.http.request(`/local/channels/${channelId}`);
    return ((await res.json()) as { text: string }[]).map((m) => m.text);
  }

  /** What reached someone's own chat since the last look. */
  async function privateTexts(who: string): Promise<string[]> {
    return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(who)}`)).map((m) => m.text);
  }

  it('zh: with notes the asker may read, goes to the asker alone (the group read the rep\'s notes); without, in the group', async () => {
    const c = await org('zh');
    await h.current.say(c.manager, `绑定团队 ${c.team}`, { channelId: 'east' });
    await h.current.say(c.rep, `签到 ${c.customer} 22.54,113.95`);
    await h.current.say(c.rep, `拜访 ${c.customer} 客户预算被砍 下一步 找老板 跟进 下周五`);
    expect(await h.current.say(c.manager, `客户 ${c.customer}`, { channelId: 'east' })).toEqual(['张三，后续内容已私信发给你（仅限你本人使用）。']);
    expect(await privateTexts(c.manager)).toEqual([expect.stringContaining('• 2026-11-27 王五（已核实）：客户预算被砍')]);
    // A card without notes for this reader stays in the group.
    expect(await h.current.ask(c.otherRep, `客户 ${c.customer}`, { channelId: 'east' })).toContain('• 2026-12-04 跟进（王五）');
    expect((await groupTexts('east')).join('\n')).not.toMatch(/客户预算被砍|找老板/u);
  });

  it('en: the same in English', async () => {
    const c = await org('en');
    await h.current.say(c.manager, `bind ${c.team}`, { channelId: 'east' });
    await h.current.say(c.rep, `checkin ${c.customer} 22.54,113.95`);
    await h.current.say(c.rep, `visit ${c.customer}: budget cut; next: see the boss; follow up: next Friday`);
    expect(await h.current.say(c.rep, `customer ${c.customer}`, { channelId: 'east' })).toEqual(['Wang, I sent you the rest in a private chat: it is for you alone.']);
    expect(await privateTexts(c.rep)).toEqual([expect.stringContaining('• 2026-11-27 Wang (verified): budget cut')]);
    expect(await h.current.ask(c.otherManager, `customer ${c.customer}`, { channelId: 'east' })).toContain('• 2026-12-04 follow-up (Wang)');
    expect((await groupTexts('east')).join('\n')).not.toMatch(/budget cut|see the boss/u);
  });
});

describe("the manager's views asked for in a team group", () => {
  async function groupTexts(channelId: string): Promise<string> {
    await h.current.app.delivery.drainOnce();
    const res = await h.current.app.http.request(`/local/channels/${channelId}`);
    return ((await res.json()) as { text: string }[]).map((m) => m.text).join('\n');
  }
  const privateTexts = async (who: string) => {
    await h.current.app.delivery.drainOnce();
    return (await h.current.newMessages(`/local/inbox/${encodeURIComponent(who)}`)).map((m) => m.text);
  };

  it("zh: 团队, 日报 团队 and 日报 王五 go to the manager alone; the group hears they were sent privately", async () => {
    const c = await org('zh');
    await h.current.say(c.manager, `绑定团队 ${c.team}`, { channelId: 'east' });
    await h.current.say(c.rep, `签到 ${c.customer}`, { location: campusGate });
    await h.current.say(c.rep, '日报 客户预算被砍，下周找老板');
    await privateTexts(c.manager); // the off-site alert
    const sentPrivately = ['张三，后续内容已私信发给你（仅限你本人使用）。'];
    expect(await h.current.say(c.manager, '团队', { channelId: 'east' })).toEqual(sentPrivately);
    expect(await privateTexts(c.manager)).toEqual([expect.stringContaining('范围外签到：华为，相距 667 米')]);
    expect(await h.current.say(c.manager, '日报 团队', { channelId: 'east' })).toEqual(sentPrivately);
    expect(await privateTexts(c.manager)).toEqual([expect.stringContaining('• 王五：客户预算被砍，下周找老板')]);
    expect(await h.current.say(c.manager, '日报 王五', { channelId: 'east' })).toEqual(sentPrivately);
    expect(await privateTexts(c.manager)).toEqual([expect.stringContaining('王五的日报（2026-11-27')]);
    expect(await groupTexts('east')).not.toMatch(/客户预算被砍|667 米/u);
  });

  it('en: the same in English', async () => {
    const c = await org('en');
    await h.current.say(c.manager, `bind ${c.team}`, { channelId: 'east' });
    await h.current.say(c.rep, `checkin ${c.customer}`, { location: campusGate });
    await h.current.say(c.rep, 'report budget cut, seeing the boss next week');
    await privateTexts(c.manager); // the off-site alert
    const sentPrivately = ['Zhang, I sent you the rest in a private chat: it is for you alone.'];
    expect(await h.current.say(c.manager, 'team', { channelId: 'east' })).toEqual(sentPrivately);
    expect(await privateTexts(c.manager)).toEqual([expect.stringContaining('667 m')]);
    expect(await h.current.say(c.manager, 'report team', { channelId: 'east' })).toEqual(sentPrivately);
    expect(await privateTexts(c.manager)).toEqual([expect.stringContaining('budget cut, seeing the boss next week')]);
    expect(await h.current.say(c.manager, 'report Wang', { channelId: 'east' })).toEqual(sentPrivately);
    expect(await privateTexts(c.manager)).toEqual([expect.stringContaining('budget cut')]);
    expect(await groupTexts('east')).not.toMatch(/budget cut|667 m/u);
  });
});
