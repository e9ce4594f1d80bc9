import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testStart } from '../support/test-app.ts';
import { resetDatabase } from '../support/test-database.ts';
import { enqueueMessages } from '../../src/conversation/outbox.ts';
import { postWithChart, storeSampleChart } from '../support/charts.ts';
import { setupDingTalk, type DingTalkSetup } from './support.ts';

let s: DingTalkSetup;
const UPLOAD = '/media/upload';
const BATCH = '/v1.0/robot/oToMessages/batchSend';
const GROUP_SEND = '/v1.0/robot/groupMessages/send';

beforeAll(async () => {
  s = await setupDingTalk('http');
});
afterAll(async () => s?.close());
beforeEach(async () => {
  await resetDatabase(s.database);
  s.fake.reset();
  s.h.clock.set(testStart);
});

async function deliver(targetRef: string) {
  const chart = await storeSampleChart(s.h.db, s.h.clock.now());
  await enqueueMessages(s.h.db, [{ orgId: null, targetRef, message: postWithChart(chart) }], s.h.clock.now());
  await s.h.app.delivery.drainOnce();
  return chart;
}

const sendPaths = () => s.fake.calls.map((c) => c.path).filter((p) => p !== '/v1.0/oauth2/accessToken');

describe('DingTalk charts (issue 18)', () => {
  it('in a group: uploads with media/upload (type image, multipart "media"), then the text, then sampleImageMsg with the media id', async () => {
    const chart = await deliver('dingtalk:group:cidBoardOnly==');
    expect(sendPaths()).toEqual([UPLOAD, GROUP_SEND, GROUP_SEND]);
    const [upload] = s.fake.callsTo(UPLOAD);
    expect(upload!.query).toMatchObject({ type: 'image', access_token: expect.stringMatching(/^token-/) });
    expect(String(upload!.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.raw!.includes(chart.png)).toBe(true);
    expect(upload!.raw!.toString('latin1')).toContain('name="media"; filename="chart.png"');
    const [text, image] = s.fake.callsTo(GROUP_SEND);
    expect(text!.body.msgKey).toBe('sampleMarkdown');
    expect(image!.body).toMatchObject({ openConversationId: 'cidBoardOnly==', msgKey: 'sampleImageMsg' });
    expect(JSON.parse(image!.body.msgParam)).toEqual({ photoURL: expect.stringMatching(/^@lA/) });
  });

  it('1:1: the picture goes with oToMessages/batchSend to the staff id', async () => {
    await deliver('dingtalk:user:manager01');
    expect(sendPaths()).toEqual([UPLOAD, BATCH, BATCH]);
    const image = s.fake.callsTo(BATCH)[1]!;
    expect(image.body).toMatchObject({ userIds: ['manager01'], msgKey: 'sampleImageMsg' });
  });

  it('a refused upload keeps the text, logs DingTalk’s errcode and retries the picture alone', async () => {
    s.fake.script(UPLOAD, { status: 200, body: { errcode: 40035, errmsg: '不合法的参数' } });
    const warn = vi.spyOn(s.h.app.logger, 'warn');
    await deliver('dingtalk:group:cidBoardOnly==');
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ platform: 'dingtalk', error: expect.stringContaining('40035') }), expect.stringContaining('picture not sent'));
    warn.mockRestore();
    expect(sendPaths()).toEqual([UPLOAD, GROUP_SEND, UPLOAD, GROUP_SEND]);
    expect(s.fake.callsTo(GROUP_SEND).map((c) => c.body.msgKey)).toEqual(['sampleMarkdown', 'sampleImageMsg']);
  });
});
