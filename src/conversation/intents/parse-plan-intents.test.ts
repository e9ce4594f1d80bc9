import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';

describe('plan commands', () => {
  it.each([
    ['计划 明天 华为 10:00 目的 演示新品 预期 拿到报价反馈', { kind: 'planAdd', when: '明天', customers: ['华为'], time: '10:00', purpose: '演示新品', expected: '拿到报价反馈' }],
    ['plan tomorrow Huawei 10:00; purpose: product demo; expect: quote feedback', { kind: 'planAdd', when: 'tomorrow', customers: ['Huawei'], time: '10:00', purpose: 'product demo', expected: 'quote feedback' }],
    ['计划 周三 华为 腾讯 中兴', { kind: 'planAdd', when: '周三', customers: ['华为', '腾讯', '中兴'] }],
    ['plan Wed Huawei, Tencent, ZTE', { kind: 'planAdd', when: 'Wed', customers: ['Huawei', 'Tencent', 'ZTE'] }],
    ['plan Dec 8 China Mobile', { kind: 'planAdd', when: 'Dec 8', customers: ['China Mobile'] }],
    ['计划 明天 华为 25:00', { kind: 'planAdd', when: '明天', customers: ['华为'], time: '25:00' }],
    ['计划', { kind: 'planShow' }],
    ['plan', { kind: 'planShow' }],
    ['计划 明天', { kind: 'planShow', when: '明天' }],
    ['计划 本周', { kind: 'planShow', week: true }],
    ['plan next week', { kind: 'planShow', week: true, when: 'next week' }],
    ['计划 张三 明天', { kind: 'planShow', who: '张三', when: '明天' }],
    ['plan Zhang', { kind: 'planShow', who: 'Zhang' }],
    ['取消计划 华为 明天', { kind: 'planCancel', customer: '华为', when: '明天' }],
    ['plan cancel Huawei', { kind: 'planCancel', customer: 'Huawei' }],
    ['改期 华为 周五 14:00', { kind: 'planMove', customer: '华为', when: '周五', time: '14:00' }],
    ['plan move Huawei Fri', { kind: 'planMove', customer: 'Huawei', when: 'Fri' }],
    ['设置出发点 22.54,113.95', { kind: 'planStartPoint', coordinates: { lat: 22.54, lng: 113.95 } }],
    ['home', { kind: 'planStartPoint' }],
    ['建议计划 明天', { kind: 'planSuggest', when: '明天' }],
    ['plan suggest', { kind: 'planSuggest' }],
    ['安排 张三 明天 华为 10:00', { kind: 'planAdd', assignee: '张三', when: '明天', customers: ['华为'], time: '10:00' }],
    ['assign Zhang San tomorrow Huawei', { kind: 'planAdd', assignee: 'Zhang San', when: 'tomorrow', customers: ['Huawei'] }],
    ['改期 华为', { kind: 'usage', command: 'planMove' }],
    ['assign Zhang', { kind: 'usage', command: 'assign' }],
    // A Chinese command word glued to prose is not a plan.
    ['计划书已经发给客户了', { kind: 'freeText', text: '计划书已经发给客户了' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });
});
