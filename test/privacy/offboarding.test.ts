import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { userOf } from '../conversation/helpers.ts';
import { columnsContaining } from './scan-text.ts';

const h = useHarness();
/** Distinctive, so a scan for them cannot hit anything else by chance. */
const ZHANG = 'ext-zs-7781';
const NAME = '张三丰';

/** An admin (alice), a manager (bob) of 华东 with two reps: 张三丰 (who leaves) and carol. */
async function team(language: 'zh' | 'en' = 'zh') {
  const s = h.current;
  await s.register('alice', 'bob', 'carol');
  await s.say(ZHANG, language === 'zh' ? '帮助' : 'help', { displayName: NAME });
  await s.say('alice', '创建团队 华东 经理 bob');
  await s.say('alice', '加入方式 开放');
  await s.say(ZHANG, '加入团队 华东');
  await s.say('carol', '加入团队 华东');
  await s.say('alice', '新客户 华为 22.54,113.95');
  await s.say(ZHANG, '签到 华为 22.541234,113.951234');
  await s.say(ZHANG, `签退 见了采购，对报价有兴趣（${NAME}）`);
  await s.say(ZHANG, '日报 今天拜访了华为，客户很满意');
  await s.say('carol', '签到 华为 22.5401,113.9501');
  if (language === 'en') for (const id of ['alice', 'bob', ZHANG]) await s.say(id, 'language en');
}

const totalLine = (board: string) => board.split('\n').find((l) => /团队合计|Team total/.test(l));

describe('deactivating and erasing someone who left', () => {
  it('deactivates in Chinese: no reminders, off the board and digests, messages refused; erasure leaves no trace', async () => {
    const s = h.current;
    await team();
    const zhang = await userOf(s, ZHANG);
    expect(await s.ask('bob', `团队 ${NAME}`)).toContain(NAME);
    const boardBefore = await s.ask('bob', '排行榜 周');
    expect(boardBefore).toContain(NAME);

    expect(await s.ask('bob', `停用 ${NAME}`)).toContain('只有管理员');
    expect(await s.ask('alice', `停用 ${NAME}`)).toBe(
      `已停用 ${NAME}：不再提醒，不出现在排行榜和简报中，其消息将收到礼貌的拒绝。记录保持不变。发送"启用 ${NAME}"可撤销；"删除 ${NAME} 的数据"可删除其数据。`,
    );
    expect(await s.ask(ZHANG, '今天')).toBe('你的 Legwork 账号已停用，我无法再记录你的签到、备注或日报。如有误，请联系管理员。感谢你的付出！');
    expect(await s.ask(ZHANG, '签到 华为 22.54,113.95')).toContain('已停用');
    expect(await s.db.selectFrom('check_ins').select('id').where('user_id', '=', zhang.id).execute()).toHaveLength(2);

    const boardAfter = await s.ask('bob', '排行榜 周');
    expect(boardAfter).not.toContain(NAME);
    expect(totalLine(boardAfter)).toBe(totalLine(boardBefore));

    // 18:00 in Shanghai: carol is reminded of her report, 张三丰 is not; bob's digest leaves him out.
    s.clock.set('2026-11-27T10:00:00Z');
    await s.app.scheduler.runDueNow();
    await s.app.delivery.drainOnce();
    expect((await s.newMessages('/local/inbox/carol')).map((m) => m.text).join('\n')).toContain('日报还没交');
    expect(await s.newMessages(`/local/inbox/${ZHANG}`)).toEqual([]);
    s.clock.set('2026-11-27T11:30:00Z');
    await s.app.scheduler.runDueNow();
    await s.app.delivery.drainOnce();
    const digest = (await s.newMessages('/local/inbox/bob')).map((m) => m.text).join('\n');
    expect(digest).toContain('carol');
    expect(digest).not.toContain(NAME);

    // The scan sees them before erasure (so its silence afterwards means something).
    expect(await columnsContaining(s, [NAME, ZHANG])).toEqual(expect.arrayContaining([
      `users.display_name: ${NAME}`, `identities.external_id: ${ZHANG}`, `outbox.message: ${NAME}`, `outbox.target_ref: ${ZHANG}`, `visits.notes: ${NAME}`,
    ]));
    // Erasure asks first; the confirmation is the next message.
    expect(await s.ask('alice', `删除 ${NAME} 的数据`)).toContain('请在 10 分钟内回复"确认删除"继续');
    expect(await s.ask('alice', '确认删除')).toBe('已完成：数据已删除，此人现在显示为"已离职员工 #1"。');
    expect(await s.ask('alice', '确认删除')).toBe('没有等待确认的删除。请先发送"删除 <姓名> 的数据"。');

    expect(await columnsContaining(s, [NAME, ZHANG])).toEqual([]);
    expect(totalLine(await s.ask('bob', '排行榜 周'))).toBe(totalLine(boardBefore));
    const erased = await s.db.selectFrom('users').selectAll().where('id', '=', zhang.id).executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ display_name: '已离职员工 #1', former_number: 1 });
    expect(erased.erased_at).not.toBeNull();
    expect(await s.db.selectFrom('identities').select('user_id').where('user_id', '=', zhang.id).execute()).toEqual([]);
    const rows = await s.db.selectFrom('check_ins').select(['lat', 'lng', 'status', 'distance_m']).where('user_id', '=', zhang.id).orderBy('kind').execute();
    expect(rows[0]).toMatchObject({ lat: 22.54, lng: 113.95, status: 'verified' });
    expect(rows[0]!.distance_m).toBeGreaterThan(0);
    const visit = await s.db.selectFrom('visits').select(['notes', 'next_step']).where('user_id', '=', zhang.id).executeTakeFirstOrThrow();
    // The words are gone; that the visit had notes stays (the board scored it).
    expect(visit).toEqual({ notes: '（已删除）', next_step: null });
    const report = await s.db.selectFrom('daily_reports').select(['body', 'summary']).where('user_id', '=', zhang.id).executeTakeFirstOrThrow();
    expect(report.body).toBe('');
    expect(report.summary.visits).toBe(1);
    const audit = await s.db.selectFrom('audit_log').select(['action', 'detail']).where('subject_id', '=', zhang.id).where('action', '=', 'user.erased').execute();
    expect(audit).toEqual([{ action: 'user.erased', detail: {} }]);
    // A second person erased in the org is #2.
    expect(await s.ask('alice', '删除 carol 的数据')).toContain('确认删除');
    expect(await s.ask('alice', '确认删除')).toBe('已完成：数据已删除，此人现在显示为"已离职员工 #2"。');
  });

  it('deactivates and erases in English, keeping work records when the org says so', async () => {
    const s = h.current;
    await team('en');
    const zhang = await userOf(s, ZHANG);
    expect(await s.ask(ZHANG, 'today')).toContain('Today');
    expect(await s.ask('alice', `deactivate ${NAME}`)).toBe(
      `${NAME} is deactivated: no more reminders, off leaderboards and digests, and their messages get a polite refusal. Their records stay. "reactivate ${NAME}" undoes it; "erase ${NAME}" erases their data.`,
    );
    expect(await s.ask(ZHANG, 'today')).toBe(
      'Your Legwork account has been deactivated, so I can no longer take check-ins, notes or reports from you. If this is a mistake, please ask an admin. Thank you for your work!',
    );
    expect(await s.ask('alice', `reactivate ${NAME}`)).toBe(`${NAME} is active again.`);
    expect(await s.ask(ZHANG, 'today')).toContain('Today');
    expect(await s.ask('alice', 'deactivate alice')).toBe('You cannot deactivate or erase yourself. Ask another admin.');

    expect(await s.ask('alice', 'keep work records on')).toBe('Erasing someone now keeps the words of their visit notes and reports (work records).');
    expect(await s.ask('alice', `erase ${NAME}`)).toContain('their notes and reports are kept (your org keeps work records). Counts and leaderboards stay. This cannot be undone. Reply "confirm erase" within 10 minutes to go ahead.');
    // Any other command in between drops the question: the confirmation must come next.
    await s.say('alice', 'today');
    expect(await s.ask('alice', 'confirm erase')).toBe('There is no erasure waiting for confirmation. Start with "erase <name>".');
    await s.say('alice', `erase ${NAME}`);
    expect(await s.ask('alice', 'confirm erase')).toBe('Done: the data was erased. The person is now shown as "已离职员工 #1".');
    expect(await columnsContaining(s, [NAME, ZHANG])).toEqual([]);
    const visit = await s.db.selectFrom('visits').select('notes').where('user_id', '=', zhang.id).executeTakeFirstOrThrow();
    // Kept as a work record, the erased name inside it replaced.
    expect(visit.notes).toBe('见了采购，对报价有兴趣（已离职员工 #1）');
    expect(await s.ask('alice', `reactivate 已离职员工 #1`)).toBe("This person's data was erased; the account cannot be reactivated.");
  });
});
