import { describe, expect, it } from 'vitest';
import { ackAfter } from './ack-after.ts';

function recorder() {
  const acks: unknown[] = [];
  let onAck: () => void = () => undefined;
  const acked = new Promise<void>((resolve) => (onAck = resolve));
  return { acks, acked, ack: async (response?: unknown) => void (acks.push(response), onAck()) };
}

describe('ackAfter', () => {
  it('acks with nothing once the work is done', async () => {
    const r = recorder();
    let done = false;
    await ackAfter(async () => void (done = true), r.ack, () => 'failed');
    expect(done).toBe(true);
    expect(r.acks).toEqual([undefined]);
  });

  it('acks with the failure answer and rethrows when the work fails', async () => {
    const r = recorder();
    await expect(ackAfter(async () => Promise.reject(new Error('db down')), r.ack, () => ({ text: 'sorry' }))).rejects.toThrow('db down');
    expect(r.acks).toEqual([{ text: 'sorry' }]);
  });

  it('acks at the deadline and lets slow work finish, acking only once', async () => {
    const r = recorder();
    let release!: () => void;
    const running = ackAfter(() => new Promise<void>((resolve) => (release = resolve)), r.ack, () => 'failed', 20);
    await r.acked;
    expect(r.acks).toEqual([undefined]);
    release();
    await running;
    expect(r.acks).toEqual([undefined]);
  });

  it('does not ack a second time when slow work fails after the deadline', async () => {
    const r = recorder();
    let fail!: (error: Error) => void;
    const running = ackAfter(() => new Promise<void>((_resolve, reject) => (fail = reject)), r.ack, () => 'failed', 20);
    await r.acked;
    fail(new Error('late failure'));
    await expect(running).rejects.toThrow('late failure');
    expect(r.acks).toEqual([undefined]);
  });
});
