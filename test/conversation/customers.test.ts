import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { countRows, customerNamed, registerInEnglish, snapshot, userOf } from './helpers.ts';

const h = useHarness();

describe('new customer', () => {
  it('creates a customer with a position, owned by its creator (Chinese)', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '新客户 华为 22.54,113.95')).toBe('已新建客户"华为"（22.54000,113.95000）。');
    const customer = await customerNamed(h.current, '华为');
    expect(customer).toMatchObject({ tier: 'C', lat: 22.54, lng: 113.95, original_system: 'wgs84' });
    expect(customer.owner_id).toBe((await userOf(h.current, 'alice')).id);
  });

  it('creates a customer without a position (English)', async () => {
    await registerInEnglish(h.current, 'alice');
    expect(await h.current.ask('alice', 'new customer Acme Corp')).toBe('Customer "Acme Corp" created (no position yet).');
    expect(await customerNamed(h.current, 'Acme Corp')).toMatchObject({ lat: null, lng: null });
    expect(await h.current.ask('alice', 'new customer Huawei 22.54,113.95')).toBe('Customer "Huawei" created (22.54000,113.95000).');
    expect(await h.current.ask('alice', 'customer Huawei')).toContain('\nPosition: 22.54000,113.95000\n');
  });

  it('refuses a duplicate name, whatever the case, and changes nothing', async () => {
    await h.current.register('alice', 'bob');
    await registerInEnglish(h.current, 'bob');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.say('bob', 'new customer Acme Corp');
    const before = await snapshot(h.current);

    expect(await h.current.ask('alice', '新客户 华为 22.60,114.00')).toBe('客户"华为"已存在。');
    expect(await h.current.ask('bob', 'new customer ACME CORP')).toBe('A customer named "Acme Corp" already exists.');
    expect(await snapshot(h.current)).toEqual(before);
    expect((await customerNamed(h.current, '华为')).lat).toBe(22.54);
  });

  it('asks for a name when there is none', async () => {
    await h.current.register('alice');
    await registerInEnglish(h.current, 'bob');
    expect(await h.current.ask('alice', '新客户')).toBe('缺少或无法识别的内容。示例：新客户 华为 22.54,113.95');
    expect(await h.current.ask('bob', 'new customer')).toBe('Missing or unclear details. Example: new customer Huawei 22.54,113.95');
    expect(await countRows(h.current, 'customers')).toBe(0);
  });
});

describe('customer card', () => {
  it('shows tier, position, owner, last visits and open follow-ups (Chinese)', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为 22.54,113.95');
    await h.current.db.updateTable('customers').set({ aliases: ['Huawei', '华为技术'], tier: 'A' }).execute();
    await h.current.say('alice', '签到 华为 22.54,113.95');
    await h.current.say('alice', '拜访 华为 演示顺利 下一步 发报价 跟进 下周五');

    const card = await h.current.ask('alice', '客户 华为');
    expect(card.split('\n')).toEqual([
      '华为（A 级）',
      '别名：Huawei、华为技术',
      '位置：22.54000,113.95000',
      '负责人：alice',
      '最近拜访：',
      '• 2026-11-27 alice（已核实）：演示顺利',
      '待跟进：',
      '• 2026-12-04 发报价（alice）',
    ]);
  });

  it('shows a card for a customer with nothing yet (English)', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Acme Corp');
    const card = await h.current.ask('alice', 'customer acme corp');
    expect(card.split('\n')).toEqual([
      'Acme Corp (tier C)',
      'Position: no position yet',
      'Owner: alice',
      'Last visits:',
      '• none yet',
      'Open follow-ups:',
      '• none yet',
    ]);
  });

  it('shows visits without check-in as such, and not past follow-ups', async () => {
    await registerInEnglish(h.current, 'alice');
    await h.current.say('alice', 'new customer Acme Corp');
    await h.current.say('alice', 'visit Acme Corp: phone call; next: send deck; follow up: tomorrow');
    h.current.clock.set('2026-11-30T02:00:00Z');
    const card = await h.current.ask('alice', 'customer Acme Corp');
    expect(card).toContain('• 2026-11-27 alice (no check-in): phone call');
    expect(card).toContain('Open follow-ups:\n• none yet');
  });

  it('finds the customer fuzzily and lists several matches', async () => {
    await h.current.register('alice');
    await h.current.say('alice', '新客户 华为终端');
    await h.current.say('alice', '新客户 华为技术');
    expect(await h.current.ask('alice', '客户 hwzd')).toContain('华为终端（C 级）');

    const list = await h.current.ask('alice', '客户 华为');
    expect(list).toContain('有多个客户匹配"华为"');
    const second = /^2\. (.+)$/mu.exec(list)?.[1];
    expect(await h.current.ask('alice', '2')).toContain(`${second}（C 级）`);
  });

  it('offers to create an unknown customer and shows its card once created', async () => {
    await registerInEnglish(h.current, 'alice');
    expect(await h.current.ask('alice', 'customer Globex')).toBe('No customer matches "Globex". Reply 1 to create "Globex", or check the spelling.');
    const replies = await h.current.say('alice', '1');
    expect(replies[0]).toBe('Customer "Globex" created (no position yet).');
    expect(replies[1]).toContain('Globex (tier C)');
  });

  it('asks for a name when there is none', async () => {
    await h.current.register('alice');
    expect(await h.current.ask('alice', '客户')).toBe('缺少或无法识别的内容。示例：客户 华为');
  });
});
