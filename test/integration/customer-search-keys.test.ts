import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { useHarness } from '../support/test-app.ts';
import { findCustomers } from '../../src/core/customers/find-customers.ts';

const h = useHarness();

/** The org of the harness's first user, with a few customers created through the chat. */
async function orgWithCustomers(): Promise<string> {
  await h.current.register('alice');
  await h.current.say('alice', '新客户 华为 22.54,113.95');
  await h.current.say('alice', '新客户 华为终端 22.55,113.95');
  await h.current.say('alice', '新客户 腾讯 22.54,113.93');
  const org = await h.current.db.selectFrom('orgs').select('id').executeTakeFirstOrThrow();
  return org.id;
}

const keysOf = async (name: string) =>
  (await h.current.db.selectFrom('customers').select('search_keys').where('name', '=', name).executeTakeFirstOrThrow()).search_keys;

describe('stored customer search keys', () => {
  it('are written with a new customer: name, pinyin and initials', async () => {
    await orgWithCustomers();
    expect(await keysOf('华为')).toEqual(['华为', 'huawei', 'hw']);
  });

  it('are cleared by the database when name or aliases change without them, and stored again on the next lookup', async () => {
    const orgId = await orgWithCustomers();
    // An admin's SQL edit: the old keys would be stale, so the trigger drops them.
    await h.current.db.updateTable('customers').set({ aliases: ['鹅厂'] }).where('name', '=', '腾讯').execute();
    expect(await keysOf('腾讯')).toBeNull();

    const found = await findCustomers({ db: h.current.db }, { orgId, query: '鹅厂' });
    expect(found.kind === 'one' && found.customer.name).toBe('腾讯');
    expect(await keysOf('腾讯')).toEqual(['腾讯', 'tengxun', 'tx', '鹅厂', 'echang', 'ec']);
  });

  it('never answer from stale keys: a removed alias no longer matches', async () => {
    const orgId = await orgWithCustomers();
    await h.current.db.updateTable('customers').set({ aliases: ['Tencent'] }).where('name', '=', '腾讯').execute();
    await findCustomers({ db: h.current.db }, { orgId, query: 'Tencent' });
    await h.current.db.updateTable('customers').set({ aliases: [] }).where('name', '=', '腾讯').execute();
    expect((await findCustomers({ db: h.current.db }, { orgId, query: 'Tencent' })).kind).toBe('none');
  });

  it('give the same answers as matching every name: exact beats partial, partial still ranks and lists', async () => {
    const orgId = await orgWithCustomers();
    const kindOf = async (query: string) => {
      const r = await findCustomers({ db: h.current.db }, { orgId, query });
      return r.kind === 'one' ? r.customer.name : r.kind === 'several' ? r.options.map((o) => o.name) : 'none';
    };
    expect(await kindOf('华为')).toBe('华为'); // exact, though 华为终端 contains it
    expect(await kindOf('hw')).toBe('华为');
    expect(await kindOf('华为终')).toBe('华为终端'); // partial only
    expect(await kindOf('hua')).toEqual(['华为', '华为终端']);
    expect(await kindOf('阿里')).toBe('none');
  });

  it('are looked up through the index in a large org (a plan check, not a timing)', async () => {
    const orgId = await orgWithCustomers();
    await sql`
      insert into customers (org_id, name, search_keys)
      select ${orgId}, 'Customer ' || n, array['customer' || n] from generate_series(1, 5000) as n`.execute(h.current.db);
    await sql`analyze customers`.execute(h.current.db);
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select * from customers where org_id = ${orgId} and (search_keys && array['hw']::text[] or search_keys is null)`.execute(h.current.db);
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/customers_search_keys_idx/);
  });
});
