import { describe, expect, it } from 'vitest';
import { parseIntent } from './parse-intent.ts';
import type { Intent } from './types.ts';

describe('parseIntent: settings from chat', () => {
  it.each<[string, Intent]>([
    ['签到范围 300米', { kind: 'setOrgRadius', radius: '300米' }],
    ['签到范围300米', { kind: 'setOrgRadius', radius: '300米' }],
    ['radius 300m', { kind: 'setOrgRadius', radius: '300m' }],
    ['签到范围', { kind: 'showOrgRadius' }],
    ['radius', { kind: 'showOrgRadius' }],
    ['客户 华为 范围 1000米', { kind: 'changeCustomer', customer: '华为', field: 'radius', value: '1000米' }],
    ['customer Huawei radius 1000m', { kind: 'changeCustomer', customer: 'Huawei', field: 'radius', value: '1000m' }],
    ['客户 华为 级别 A', { kind: 'changeCustomer', customer: '华为', field: 'tier', value: 'A' }],
    ['客户 华为 级别A', { kind: 'changeCustomer', customer: '华为', field: 'tier', value: 'A' }],
    ['customer Huawei Tech tier A', { kind: 'changeCustomer', customer: 'Huawei Tech', field: 'tier', value: 'A' }],
    ['客户 华为 负责人 张三', { kind: 'changeCustomer', customer: '华为', field: 'owner', value: '张三' }],
    ['customer Huawei owner Zhang', { kind: 'changeCustomer', customer: 'Huawei', field: 'owner', value: 'Zhang' }],
    ['客户 华为 级别', { kind: 'usage', command: 'customerSetting' }],
    ['customer Huawei owner', { kind: 'usage', command: 'customerSetting' }],
    // The card is untouched.
    ['客户 华为', { kind: 'showCustomer', name: '华为' }],
    ['customer Huawei', { kind: 'showCustomer', name: 'Huawei' }],
    ['客户 华为 深圳', { kind: 'showCustomer', name: '华为 深圳' }],
    ['积分规则', { kind: 'showPoints' }],
    ['积分', { kind: 'showPoints' }],
    ['points', { kind: 'showPoints' }],
    ['积分 核实拜访 3 备注 2 日报 1', { kind: 'setPoints', rules: '核实拜访 3 备注 2 日报 1' }],
    ['points verified 3 notes 2 report 1', { kind: 'setPoints', rules: 'verified 3 notes 2 report 1' }],
    ['积分核实拜访 3', { kind: 'setPoints', rules: '核实拜访 3' }],
    ['积分榜在哪', { kind: 'freeText', text: '积分榜在哪' }],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toStrictEqual(intent);
  });
});
