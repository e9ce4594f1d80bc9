import { describe, expect, it } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
import type { FakeUser } from './fake-slack.ts';
import { bob, deliver, directMessage, fixture, ids, postCommand, postEvent, postInteraction, slashCommand, textOf, useSlack, zhang } from './support.ts';

const ctx = useSlack();

const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
const picked = (date: string | null) => ({ value: { type: 'datepicker', selected_date: date } });

/** Runs a slash command that should open a modal and returns the view Slack was asked to show. */
async function openModal(user: FakeUser, command: string, text = ''): Promise<any> {
  const before = ctx.fake.callsTo('views.open').length;
  const fields = slashCommand(user, command, text);
  const res = await postCommand(ctx, fields);
  expect(res.status).toBe(200);
  const call = ctx.fake.callsTo('views.open')[before];
  expect(call?.args.trigger_id).toBe(fields.trigger_id);
  return call!.args.view;
}

/** The view_submission Slack sends for `view` with these field values (fixture shape, our blocks). */
function submission(view: any, user: FakeUser, values: Record<string, unknown>, viewId = 'V0FORM0001'): any {
  const payload = fixture('view-submission');
  payload.user = { ...payload.user, id: user.id, username: user.name, name: user.name };
  payload.view = {
    ...payload.view,
    id: viewId,
    root_view_id: viewId,
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    blocks: view.blocks,
    title: view.title,
    submit: view.submit,
    close: view.close,
    state: { values },
  };
  return payload;
}

async function seedCustomer(): Promise<void> {
  await postEvent(ctx, directMessage(zhang, '新客户 华为 22.54,113.95'));
  await deliver(ctx);
}

describe('Slack visit notes form', () => {
  it('/visit opens the form in the person’s language without touching the conversation', async () => {
    const view = await openModal(zhang, '/visit');
    expect(view).toMatchObject({ type: 'modal', callback_id: 'legwork_visit', title: { text: '拜访记录' } });
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(['customer', 'notes', 'next_step', 'follow_up']);
    expect(JSON.parse(view.private_metadata)).toEqual({ replyRef: `slack:ephemeral:${ids.channel}:${zhang.id}`, language: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(await countRows(ctx.h, 'processed_events')).toBe(0);
  });

  it('/visit <customer> without notes opens the form with the customer filled in', async () => {
    const view = await openModal(bob, '/visit', 'Huawei');
    expect(view.title.text).toBe('Visit notes');
    expect(view.blocks[0].element.initial_value).toBe('Huawei');
  });

  it('a valid submission closes the form, saves the note and answers in the channel', async () => {
    await seedCustomer();
    const view = await openModal(zhang, '/visit');
    const res = await postInteraction(ctx, submission(view, zhang, {
      customer: input('华为'),
      notes: input('演示很顺利'),
      next_step: input('发报价'),
      follow_up: picked('2026-12-04'),
    }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    const visit = await ctx.h.db.selectFrom('visits').selectAll().executeTakeFirstOrThrow();
    expect(visit).toMatchObject({ notes: '演示很顺利', next_step: '发报价', follow_up_date: '2026-12-04' });
    const { ephemeral } = await deliver(ctx);
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]!.args).toMatchObject({ channel: ids.channel, user: zhang.id });
    expect(textOf(ephemeral[0]!)).toContain('华为');
  });

  it.each([
    ['blank notes', { customer: input('华为'), notes: input('   '), next_step: input(''), follow_up: picked(null) }, 'notes', '请填写此项。'],
    ['a section label inside the notes', { customer: input('华为'), notes: input('谈得不错 下一步 再约'), next_step: input(''), follow_up: picked(null) }, 'notes', '下一步'],
    ['a colon in the customer name', { customer: input('华为: 深圳'), notes: input('谈得不错'), next_step: input(''), follow_up: picked(null) }, 'customer', '客户名称'],
    ['a follow-up date in the past', { customer: input('华为'), notes: input('谈得不错'), next_step: input(''), follow_up: picked('2026-11-20') }, 'follow_up', '过去'],
  ])('rejects %s with an error on that field and stores nothing', async (_name, values, block, message) => {
    await seedCustomer();
    const before = await countRows(ctx.h, 'processed_events');
    const view = await openModal(zhang, '/visit');
    const res = await postInteraction(ctx, submission(view, zhang, values));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual([block]);
    expect(body.errors[block]).toContain(message);
    expect(await countRows(ctx.h, 'processed_events')).toBe(before);
    expect(await countRows(ctx.h, 'visits')).toBe(0);
  });

  it('answers a form whose reply ref names someone else in the submitter’s own DM', async () => {
    await seedCustomer();
    const view = await openModal(zhang, '/visit');
    const forged = { ...view, private_metadata: JSON.stringify({ replyRef: `slack:ephemeral:${ids.channel}:${bob.id}`, language: 'zh-CN', timeZone: 'Asia/Shanghai' }) };
    await postInteraction(ctx, submission(forged, zhang, { customer: input('华为'), notes: input('谈得不错'), next_step: input(''), follow_up: picked(null) }));
    const { posted, ephemeral } = await deliver(ctx);
    expect(ephemeral).toHaveLength(0);
    expect(posted.map((c) => c.args.channel)).toEqual(['D0ZHANG01']);
  });
});

describe('Slack daily report form', () => {
  it('/report opens the form prefilled with today’s summary, and a submission files the report once', async () => {
    await seedCustomer();
    await postCommand(ctx, slashCommand(zhang, '/checkin', '华为 22.5401,113.9501'));
    await deliver(ctx);
    const view = await openModal(zhang, '/report');
    expect(view).toMatchObject({ callback_id: 'legwork_report', title: { text: '日报' } });
    const summary = view.blocks.filter((b: any) => b.type === 'section').map((b: any) => b.text.text).join('\n');
    expect(summary).toContain('2026-11-27');
    expect(summary).toContain('华为');
    expect(view.blocks.find((b: any) => b.block_id === 'body').element.initial_value).toBeUndefined();

    const filled = submission(view, zhang, { body: input('完成：拜访华为。明日：跟进报价。') });
    const res = await postInteraction(ctx, filled);
    expect(res.status).toBe(200);
    // A double submit of the same form (same view id) is the same delivery.
    await postInteraction(ctx, filled);
    const reports = await ctx.h.db.selectFrom('daily_reports').selectAll().execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ revision: 1, body: '完成：拜访华为。明日：跟进报价。' });
    const { ephemeral } = await deliver(ctx);
    expect(ephemeral.map(textOf)).toEqual([expect.stringContaining('日报已提交')]);

    // Opening it again shows what was submitted, to edit.
    const again = await openModal(zhang, '/report');
    expect(again.blocks.find((b: any) => b.block_id === 'body').element.initial_value).toBe(reports[0]!.body);
  });

  it('rejects an empty report on the field', async () => {
    const view = await openModal(bob, '/report');
    const res = await postInteraction(ctx, submission(view, bob, { body: input('  ') }));
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { body: 'Please fill this in.' } });
    expect(await countRows(ctx.h, 'daily_reports')).toBe(0);
  });

  it('answers /report in the channel when Slack refuses the form (expired trigger)', async () => {
    const fields = { ...slashCommand(bob, '/report', ''), trigger_id: 'expired.738474920.0c1d' };
    expect((await postCommand(ctx, fields)).status).toBe(200);
    const { ephemeral } = await deliver(ctx);
    expect(ephemeral.map(textOf).join('\n')).toContain('Daily report for 2026-11-26');
  });
});
