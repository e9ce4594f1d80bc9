import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { checkIns, countRows, customerNamed, registerInEnglish, snapshot } from './helpers.ts';

const h = useHarness();

/** The options of a numbered list reply ("1. 华为终端\n2. 华为技术"), in order. */
function listedOptions(reply: string): string[] {
  return [...reply.matchAll(/^(\d+)\. (.+)$/gmu)].map((m) => m[2]!);
}

describe('fuzzy customer names', () => {
  it('finds 华为 by its pinyin initials, full-width letters and an alias', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('alice', '新客户 腾讯 22.54,113.93');
    await h.current.db.updateTable('customers').set({ aliases: ['Tencent', '鹅厂'] }).where('name', '=', '腾讯').execute();

    expect(await h.current.ask('alice', '签到 hw 22.54,113.95')).toContain('已在 华为 签到 ✓');
    expect(await h.current.ask('alice', '签到 ＨＵＡＷＥＩ 22.54,113.95')).toContain('你已经在 华为 签到了');
    expect(await h.current.ask('alice', '签到 鹅厂 22.54,113.93')).toContain('已在 腾讯 签到 ✓');
    expect(await h.current.ask('alice', '签到 hw 22.54,113.95')).toContain('已在 华为 签到 ✓');

    expect((await checkIns(h.current)).map((r) => r.customer_name)).toEqual(['华为', '腾讯', '华为']);
  });

  it('matches case-insensitively and by alias in English', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer 腾讯 22.54,113.93');
    await h.current.db.updateTable('customers').set({ aliases: ['Tencent'] }).where('name', '=', '腾讯').execute();
    await h.current.say('alice', 'new customer Acme Corp 31.23,121.47');

    expect(await h.current.ask('alice', 'checkin TENCENT 22.54,113.93')).toContain('Checked in at 腾讯 ✓ verified');
    expect(await h.current.ask('alice', 'checkin acme corp 31.23,121.47')).toContain('Checked in at Acme Corp ✓ verified');
    expect(await h.current.ask('alice', 'checkin tx 22.54,113.93')).toContain('Checked in at 腾讯 ✓ verified');
  });
});

describe('several customers match', () => {
  it('lists them, and a number picks one and checks in there (Chinese)', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为终端 22.54,113.95');
    await h.current.say('alice', '新客户 华为技术 22.60,114.05');

    const list = await h.current.ask('alice', '签到 华为 22.60,114.05');
    expect(list).toContain('有多个客户匹配"华为"，请回复序号：');
    const options = listedOptions(list);
    expect([...options].sort()).toEqual(['华为技术', '华为终端']);
    expect(await countRows(h.current, 'check_ins')).toBe(0);

    const reply = await h.current.ask('alice', '2');
    expect(reply).toContain(`已在 ${options[1]} 签到`);
    const rows = await checkIns(h.current);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.customer_name).toBe(options[1]);
    // The location typed with the command was kept while the bot asked.
    expect(rows[0]).toMatchObject({ lat: 22.6, lng: 114.05 });

    // The list is answered: another number has nothing to choose.
    expect(await h.current.ask('alice', '1')).toBe('现在没有需要选择的列表。');
  });

  it('lists them in English; an out-of-range number asks again and keeps the list', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Acme East 31.23,121.47');
    await h.current.say('alice', 'new customer Acme West 31.20,121.40');

    const list = await h.current.ask('alice', 'checkin acme 31.23,121.47');
    expect(list).toContain('Several customers match "acme". Reply with a number:');
    const options = listedOptions(list);
    expect([...options].sort()).toEqual(['Acme East', 'Acme West']);

    expect(await h.current.ask('alice', '3')).toBe('Please reply with a number from 1 to 2.');
    expect(await countRows(h.current, 'check_ins')).toBe(0);

    expect(await h.current.ask('alice', '1')).toContain(`Checked in at ${options[0]}`);
    expect((await checkIns(h.current))[0]?.customer_name).toBe(options[0]);
  });

  it('abandons the list when another command comes instead of a number', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为终端 22.54,113.95');
    await h.current.say('alice', '新客户 华为技术 22.60,114.05');
    await h.current.say('alice', '签到 华为 22.60,114.05');
    await h.current.say('alice', '今天');
    expect(await h.current.ask('alice', '2')).toBe('现在没有需要选择的列表。');
    expect(await countRows(h.current, 'check_ins')).toBe(0);
  });
});

describe('no customer matches', () => {
  it('offers to create it; replying 1 creates it and checks in (Chinese)', async () => {
    await h.current.register('alice');
    const offer = await h.current.ask('alice', '签到 小米 22.54,113.95');
    expect(offer).toBe('没有找到客户"小米"。回复 1 新建"小米"，或检查名称。');
    expect(await countRows(h.current, 'customers')).toBe(0);

    const replies = await h.current.say('alice', '1');
    const text = replies.join('\n');
    expect(text).toContain('已新建客户"小米"（暂无位置）。');
    expect(text).toContain('已在 小米 签到（未核实：客户还没有位置，无法比对）。');

    const customer = await customerNamed(h.current, '小米');
    expect(customer.owner_id).toBe((await h.current.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id);
    const rows = await checkIns(h.current);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customer_name: '小米', status: 'unverified', lat: 22.54, lng: 113.95 });
  });

  it('offers to create it in English; replying 1 creates it and continues', async () => {
    await registerInEnglish(h.current, 'alice');
    expect(await h.current.ask('alice', 'checkin Xiaomi')).toBe(
      'No customer matches "Xiaomi". Reply 1 to create "Xiaomi", or check the spelling.',
    );
    const text = (await h.current.say('alice', '1')).join('\n');
    expect(text).toContain('Customer "Xiaomi" created (no position yet).');
    // No location yet: the check-in continues by asking for one.
    expect(text).toContain('To check in at Xiaomi, share your location: open http://legwork.test/c/');
    expect(await countRows(h.current, 'customers')).toBe(1);
    expect(await countRows(h.current, 'check_ins')).toBe(0);
  });

  it('creates nothing when the rep answers 2 or something else', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '签到 小米 22.54,113.95');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '2')).toBe('回复 1 新建"小米"，或直接发送其他指令（例如换个名称）。');
    expect(await snapshot(h.current)).toEqual(before);
  });

  it('says how to create the customer when an English speaker answers 2', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'checkin Xiaomi 22.54,113.95');
    const before = await snapshot(h.current);
    expect(await h.current.ask('alice', '2')).toBe('Reply 1 to create "Xiaomi", or send a command (e.g. another name).');
    expect(await snapshot(h.current)).toEqual(before);
  });
});
