import { describe, it, expect } from 'vitest';
import { parseIntent } from './parse-intent.ts';
import type { Intent } from './types.ts';

/** Each row: input, expected intent. */
type Case = [string, Intent];

const check = (cases: Case[]) =>
  it.each(cases)('%j', (input, expected) => {
    expect(parseIntent(input)).toStrictEqual(expected);
  });

describe('parseIntent', () => {
  describe('help', () => {
    check([
      ['帮助', { kind: 'help' }],
      ['help', { kind: 'help' }],
      ['HELP', { kind: 'help' }],
      ['Help?', { kind: 'help' }],
      ['帮助。', { kind: 'help' }],
      ['?', { kind: 'help' }],
      ['？', { kind: 'help' }],
      ['??', { kind: 'help' }],
      ['/help', { kind: 'help' }],
      ['/帮助', { kind: 'help' }],
      ['/legwork help', { kind: 'help' }],
      ['legwork help', { kind: 'help' }],
      ['Legwork HELP', { kind: 'help' }],
      ['/legwork', { kind: 'help' }],
      ['@Legwork help', { kind: 'help' }],
      ['@机器人 帮助', { kind: 'help' }],
      ['＠机器人　帮助', { kind: 'help' }],
      ['  ｈｅｌｐ  ', { kind: 'help' }],
    ]);

    describe('is free text when followed by more words', () => {
      check([
        ['help me with the quote', { kind: 'freeText', text: 'help me with the quote' }],
        ['帮助客户解决问题', { kind: 'freeText', text: '帮助客户解决问题' }],
        ['helpful', { kind: 'freeText', text: 'helpful' }],
        ['help-desk', { kind: 'freeText', text: 'help-desk' }],
        ['legwork is great', { kind: 'freeText', text: 'legwork is great' }],
      ]);
    });
  });

  describe('check in', () => {
    check([
      ['签到', { kind: 'checkIn' }],
      ['签到。', { kind: 'checkIn' }],
      ['签到 华为', { kind: 'checkIn', customer: '华为' }],
      ['签到华为', { kind: 'checkIn', customer: '华为' }],
      ['签到：华为', { kind: 'checkIn', customer: '华为' }],
      ['签到　华为', { kind: 'checkIn', customer: '华为' }],
      ['签到 华为。', { kind: 'checkIn', customer: '华为' }],
      ['/签到 华为', { kind: 'checkIn', customer: '华为' }],
      ['@机器人 签到 华为', { kind: 'checkIn', customer: '华为' }],
      ['checkin', { kind: 'checkIn' }],
      ['checkin Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['CheckIn Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['check in Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['check-in Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['CHECK IN', { kind: 'checkIn' }],
      ['ｃｈｅｃｋｉｎ Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['ｃｈｅｃｋｉｎ　Ｈｕａｗｅｉ', { kind: 'checkIn', customer: 'Huawei' }],
      ['/checkin Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['/legwork checkin Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['@Legwork checkin Acme Corp', { kind: 'checkIn', customer: 'Acme Corp' }],
      ['@Legwork @Alice checkin Huawei', { kind: 'checkIn', customer: 'Huawei' }],
      ['checkin: Huawei', { kind: 'checkIn', customer: 'Huawei' }],
    ]);

    describe('coordinates', () => {
      check([
        ['签到 华为 22.54,113.95', { kind: 'checkIn', customer: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['签到 华为 22.54，113.95', { kind: 'checkIn', customer: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['签到 华为 22.54 ， 113.95', { kind: 'checkIn', customer: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['签到华为22.54,113.95', { kind: 'checkIn', customer: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['签到 华为 ２２．５４，１１３．９５', { kind: 'checkIn', customer: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['签到 华为 22.54,113.95。', { kind: 'checkIn', customer: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['checkin Huawei 22.54, 113.95', { kind: 'checkIn', customer: 'Huawei', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['checkin Huawei, 22.54, 113.95', { kind: 'checkIn', customer: 'Huawei', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['checkin Acme Corp -33.87,151.21', { kind: 'checkIn', customer: 'Acme Corp', coordinates: { lat: -33.87, lng: 151.21 } }],
        ['checkin Acme -33.87, -70', { kind: 'checkIn', customer: 'Acme', coordinates: { lat: -33.87, lng: -70 } }],
        ['checkin Acme +1.5,.5', { kind: 'checkIn', customer: 'Acme', coordinates: { lat: 1.5, lng: 0.5 } }],
        // Swapped or out of range: passed through as typed, validation is elsewhere.
        ['checkin Huawei 113.95,22.54', { kind: 'checkIn', customer: 'Huawei', coordinates: { lat: 113.95, lng: 22.54 } }],
        ['签到 华为 91,200', { kind: 'checkIn', customer: '华为', coordinates: { lat: 91, lng: 200 } }],
        ['签到 22.5,113.9', { kind: 'checkIn', coordinates: { lat: 22.5, lng: 113.9 } }],
        ['签到22.5,113.9', { kind: 'checkIn', coordinates: { lat: 22.5, lng: 113.9 } }],
        ['checkin 22.5, 113.9', { kind: 'checkIn', coordinates: { lat: 22.5, lng: 113.9 } }],
        ['checkin NaN,1', { kind: 'checkIn', coordinates: { lat: Number.NaN, lng: 1 } }],
        ['checkin Huawei nan, 1', { kind: 'checkIn', customer: 'Huawei', coordinates: { lat: Number.NaN, lng: 1 } }],
        // Separated by spaces only (copied from a map app), both with a decimal point.
        ['签到 华为 22.54 113.95', { kind: 'checkIn', customer: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['checkin Acme 22.5  -113.9', { kind: 'checkIn', customer: 'Acme', coordinates: { lat: 22.5, lng: -113.9 } }],
        ['新客户 华为 22.54 113.95', { kind: 'newCustomer', name: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
        ['checkin Huawei Infinity,-Infinity', { kind: 'checkIn', customer: 'Huawei', coordinates: { lat: Infinity, lng: -Infinity } }],
      ]);

      describe('not coordinates', () => {
        check([
          // A single number is part of the customer name.
          ['签到 华为 3', { kind: 'checkIn', customer: '华为 3' }],
          // Space-separated numbers are a pair only when both have a decimal point.
          ['checkin Acme 7 11', { kind: 'checkIn', customer: 'Acme 7 11' }],
          ['签到 华为 22.5 113', { kind: 'checkIn', customer: '华为 22.5 113' }],
          // Glued to a Latin word: part of the name.
          ['checkin Acme2,3', { kind: 'checkIn', customer: 'Acme2,3' }],
          // Not at the end.
          ['checkin 22.5,113.9 Huawei', { kind: 'checkIn', customer: '22.5,113.9 Huawei' }],
        ]);
      });
    });

    describe('command word boundaries', () => {
      check([
        ['checkinx', { kind: 'freeText', text: 'checkinx' }],
        ['checking the stock', { kind: 'freeText', text: 'checking the stock' }],
        ['check Innovate', { kind: 'freeText', text: 'check Innovate' }],
        // 签到 must not swallow 签退 and vice versa.
        ['签退华为', { kind: 'checkOut', notes: '华为' }],
      ]);
    });
  });

  describe('check out', () => {
    check([
      ['签退', { kind: 'checkOut' }],
      ['签退。', { kind: 'checkOut' }],
      ['签退 谈得很顺利', { kind: 'checkOut', notes: '谈得很顺利' }],
      ['签退：谈得很顺利。', { kind: 'checkOut', notes: '谈得很顺利。' }],
      ['签退 见了采购 下一步 周五发报价 跟进 下周五', { kind: 'checkOut', notes: '见了采购', nextStep: '周五发报价', followUp: '下周五' }],
      ['签退 下一步：发报价', { kind: 'checkOut', nextStep: '发报价' }],
      ['checkout met the buyer; next: send quote; follow up: Fri', { kind: 'checkOut', notes: 'met the buyer', nextStep: 'send quote', followUp: 'Fri' }],
      ['签退谈得很顺利', { kind: 'checkOut', notes: '谈得很顺利' }],
      ['checkout', { kind: 'checkOut' }],
      ['Check Out', { kind: 'checkOut' }],
      ['check-out', { kind: 'checkOut' }],
      ['checkout Went well, they want a quote.', { kind: 'checkOut', notes: 'Went well, they want a quote.' }],
      ['/checkout done', { kind: 'checkOut', notes: 'done' }],
      ['@Legwork check out done', { kind: 'checkOut', notes: 'done' }],
      ['checkout line 1\nline 2', { kind: 'checkOut', notes: 'line 1\nline 2' }],
      ['checkouts', { kind: 'freeText', text: 'checkouts' }],
    ]);
  });

  describe('visit note', () => {
    describe('Chinese', () => {
      check([
        [
          '拜访 华为 聊得不错 下一步 发报价 跟进 下周五',
          { kind: 'visitNote', customer: '华为', notes: '聊得不错', nextStep: '发报价', followUp: '下周五' },
        ],
        [
          '拜访 华为 聊得不错 下一步：发报价 跟进：下周五',
          { kind: 'visitNote', customer: '华为', notes: '聊得不错', nextStep: '发报价', followUp: '下周五' },
        ],
        [
          '拜访华为：聊得不错，下一步：发报价，跟进日期：5月1日',
          { kind: 'visitNote', customer: '华为', notes: '聊得不错', nextStep: '发报价', followUp: '5月1日' },
        ],
        [
          '拜访：华为 聊得不错；下一步 发报价；跟进 下周五。',
          { kind: 'visitNote', customer: '华为', notes: '聊得不错', nextStep: '发报价', followUp: '下周五' },
        ],
        [
          '拜访 华为 聊得不错下一步发报价',
          { kind: 'visitNote', customer: '华为', notes: '聊得不错', nextStep: '发报价' },
        ],
        ['拜访 华为 聊得不错 跟进 下周五', { kind: 'visitNote', customer: '华为', notes: '聊得不错', followUp: '下周五' }],
        ['拜访 华为 聊得不错', { kind: 'visitNote', customer: '华为', notes: '聊得不错' }],
        ['拜访 华为\n聊得不错\n需求明确', { kind: 'visitNote', customer: '华为', notes: '聊得不错\n需求明确' }],
        // 跟进 as an ordinary verb is not a label.
        ['拜访 华为 需要跟进报价', { kind: 'visitNote', customer: '华为', notes: '需要跟进报价' }],
        [
          '拜访 华为 聊得不错 下一步 跟进报价',
          { kind: 'visitNote', customer: '华为', notes: '聊得不错', nextStep: '跟进报价' },
        ],
        // An empty section is left out.
        ['拜访 华为 聊得不错 下一步', { kind: 'visitNote', customer: '华为', notes: '聊得不错' }],
        ['/拜访 华为 聊得不错', { kind: 'visitNote', customer: '华为', notes: '聊得不错' }],
        ['@机器人 拜访 华为 聊得不错', { kind: 'visitNote', customer: '华为', notes: '聊得不错' }],
      ]);
    });

    describe('English', () => {
      check([
        [
          'visit Acme Corp: demo went well; next: send quote; follow up: next Friday',
          { kind: 'visitNote', customer: 'Acme Corp', notes: 'demo went well', nextStep: 'send quote', followUp: 'next Friday' },
        ],
        [
          'Visit Acme Corp: demo went well NEXT: send quote Follow-Up: 2024-05-01',
          { kind: 'visitNote', customer: 'Acme Corp', notes: 'demo went well', nextStep: 'send quote', followUp: '2024-05-01' },
        ],
        [
          'visit Acme: demo, next step: quote, followup: Monday',
          { kind: 'visitNote', customer: 'Acme', notes: 'demo', nextStep: 'quote', followUp: 'Monday' },
        ],
        [
          'visit Acme：demo；next：quote；follow up：Monday',
          { kind: 'visitNote', customer: 'Acme', notes: 'demo', nextStep: 'quote', followUp: 'Monday' },
        ],
        [
          'visit Acme demo went well; follow up: Monday',
          { kind: 'visitNote', customer: 'Acme', notes: 'demo went well', followUp: 'Monday' },
        ],
        ['visit Acme Corp: demo went well', { kind: 'visitNote', customer: 'Acme Corp', notes: 'demo went well' }],
        ['visit Acme demo went well', { kind: 'visitNote', customer: 'Acme', notes: 'demo went well' }],
        // Without the colon, "next" is just a word.
        [
          'visit Acme: discussed next quarter budget',
          { kind: 'visitNote', customer: 'Acme', notes: 'discussed next quarter budget' },
        ],
        // Labels in any order.
        [
          'visit Acme: demo; follow up: Monday; next: quote',
          { kind: 'visitNote', customer: 'Acme', notes: 'demo', nextStep: 'quote', followUp: 'Monday' },
        ],
        ['/visit Acme: demo', { kind: 'visitNote', customer: 'Acme', notes: 'demo' }],
        ['@Legwork visit Acme: demo', { kind: 'visitNote', customer: 'Acme', notes: 'demo' }],
        // The customer is read like ASCII (it is looked up); the note keeps what was typed.
        ['ｖｉｓｉｔ　Ａｃｍｅ：ｄｅｍｏ', { kind: 'visitNote', customer: 'Acme', notes: 'ｄｅｍｏ' }],
        ['拜访 华为 演示顺利，客户满意！下一步 发报价；跟进 下周五', { kind: 'visitNote', customer: '华为', notes: '演示顺利，客户满意！', nextStep: '发报价', followUp: '下周五' }],
        ['签退 见了采购，对报价有兴趣。', { kind: 'checkOut', notes: '见了采购，对报价有兴趣。' }],
        ['日报 完成：拜访3家；问题：无', { kind: 'report', text: '完成：拜访3家；问题：无' }],
      ]);
    });

    describe('usage when customer or notes are missing', () => {
      check([
        ['拜访', { kind: 'usage', command: 'visitNote' }],
        ['拜访 华为', { kind: 'usage', command: 'visitNote' }],
        ['拜访 华为 下一步 发报价', { kind: 'usage', command: 'visitNote' }],
        ['visit', { kind: 'usage', command: 'visitNote' }],
        ['visit Acme', { kind: 'usage', command: 'visitNote' }],
        ['visit Acme Corp:', { kind: 'usage', command: 'visitNote' }],
        ['visit Acme: ; next: quote', { kind: 'usage', command: 'visitNote' }],
        ['visit : demo', { kind: 'usage', command: 'visitNote' }],
      ]);
    });

    check([['visited Acme yesterday', { kind: 'freeText', text: 'visited Acme yesterday' }]]);
  });

  describe('daily report', () => {
    check([
      ['日报', { kind: 'report' }],
      ['日报 今天拜访了三家客户', { kind: 'report', text: '今天拜访了三家客户' }],
      ['日报：今天拜访了三家客户', { kind: 'report', text: '今天拜访了三家客户' }],
      ['日报今天拜访了三家客户', { kind: 'report', text: '今天拜访了三家客户' }],
      ['日报\n1. 华为\n2. 腾讯  \n', { kind: 'report', text: '1. 华为\n2. 腾讯' }],
      ['report', { kind: 'report' }],
      ['Report visited 3 customers', { kind: 'report', text: 'visited 3 customers' }],
      ['daily report', { kind: 'report' }],
      ['Daily Report: good day\n- Acme\n- Globex', { kind: 'report', text: 'good day\n- Acme\n- Globex' }],
      ['/report done', { kind: 'report', text: 'done' }],
      ['@Legwork report', { kind: 'report' }],
      ['reporter', { kind: 'freeText', text: 'reporter' }],
    ]);
  });

  describe('today', () => {
    check([
      ['今天', { kind: 'today' }],
      ['今天？', { kind: 'today' }],
      ['today', { kind: 'today' }],
      ['TODAY', { kind: 'today' }],
      ['today?', { kind: 'today' }],
      ['/today', { kind: 'today' }],
      ['@Legwork today', { kind: 'today' }],
      ['ｔｏｄａｙ', { kind: 'today' }],
      ['今天天气不错', { kind: 'freeText', text: '今天天气不错' }],
      ["today's visits", { kind: 'freeText', text: "today's visits" }],
      ['today was busy', { kind: 'freeText', text: 'today was busy' }],
    ]);
  });

  describe('customer', () => {
    check([
      ['客户 华为', { kind: 'showCustomer', name: '华为' }],
      ['客户华为', { kind: 'showCustomer', name: '华为' }],
      ['客户：华为', { kind: 'showCustomer', name: '华为' }],
      ['customer Acme Corp', { kind: 'showCustomer', name: 'Acme Corp' }],
      ['Customer: Acme Corp', { kind: 'showCustomer', name: 'Acme Corp' }],
      ['/customer Acme', { kind: 'showCustomer', name: 'Acme' }],
      ['@Legwork customer Acme', { kind: 'showCustomer', name: 'Acme' }],
      ['客户', { kind: 'usage', command: 'showCustomer' }],
      ['customer', { kind: 'usage', command: 'showCustomer' }],
      ['customer。', { kind: 'usage', command: 'showCustomer' }],
      ['customers', { kind: 'freeText', text: 'customers' }],
      // Known trade-off of allowing `客户华为` without a space: a sentence starting with 客户 is a lookup.
      ['客户很满意', { kind: 'showCustomer', name: '很满意' }],
    ]);
  });

  describe('new customer', () => {
    check([
      ['新客户 华为', { kind: 'newCustomer', name: '华为' }],
      ['新客户华为', { kind: 'newCustomer', name: '华为' }],
      ['新客户 华为 22.54,113.95', { kind: 'newCustomer', name: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
      ['新客户 华为 22.54，113.95', { kind: 'newCustomer', name: '华为', coordinates: { lat: 22.54, lng: 113.95 } }],
      ['new customer Acme Corp', { kind: 'newCustomer', name: 'Acme Corp' }],
      ['New Customer Acme Corp -33.87, 151.21', { kind: 'newCustomer', name: 'Acme Corp', coordinates: { lat: -33.87, lng: 151.21 } }],
      ['new customer Acme NaN,NaN', { kind: 'newCustomer', name: 'Acme', coordinates: { lat: Number.NaN, lng: Number.NaN } }],
      ['/new customer Acme', { kind: 'newCustomer', name: 'Acme' }],
      ['@Legwork new customer Acme', { kind: 'newCustomer', name: 'Acme' }],
      ['新客户', { kind: 'usage', command: 'newCustomer' }],
      ['新客户 22.5,113.9', { kind: 'usage', command: 'newCustomer' }],
      ['new customer', { kind: 'usage', command: 'newCustomer' }],
      ['new customers are great', { kind: 'freeText', text: 'new customers are great' }],
    ]);
  });

  describe('teams', () => {
    check([
      ['创建团队 华南销售', { kind: 'createTeam', name: '华南销售' }],
      ['创建团队华南销售', { kind: 'createTeam', name: '华南销售' }],
      ['team create South Sales', { kind: 'createTeam', name: 'South Sales' }],
      ['create team South Sales', { kind: 'createTeam', name: 'South Sales' }],
      ['/team create South', { kind: 'createTeam', name: 'South' }],
      ['创建团队', { kind: 'usage', command: 'createTeam' }],
      ['team create', { kind: 'usage', command: 'createTeam' }],
      ['create team', { kind: 'usage', command: 'createTeam' }],

      ['加入团队 华南销售', { kind: 'joinTeam', name: '华南销售' }],
      ['加入团队华南销售', { kind: 'joinTeam', name: '华南销售' }],
      ['join South Sales', { kind: 'joinTeam', name: 'South Sales' }],
      ['join team South Sales', { kind: 'joinTeam', name: 'South Sales' }],
      ['JOIN TEAM South', { kind: 'joinTeam', name: 'South' }],
      ['@Legwork join South', { kind: 'joinTeam', name: 'South' }],
      ['加入团队', { kind: 'usage', command: 'joinTeam' }],
      ['join', { kind: 'usage', command: 'joinTeam' }],
      ['join team', { kind: 'usage', command: 'joinTeam' }],

      ['绑定团队 华南销售', { kind: 'bindTeam', name: '华南销售' }],
      ['bind South Sales', { kind: 'bindTeam', name: 'South Sales' }],
      ['bind team South Sales', { kind: 'bindTeam', name: 'South Sales' }],
      ['/bind South', { kind: 'bindTeam', name: 'South' }],
      ['绑定团队', { kind: 'usage', command: 'bindTeam' }],
      ['bind', { kind: 'usage', command: 'bindTeam' }],
      ['bind team', { kind: 'usage', command: 'bindTeam' }],

      ['joined the call', { kind: 'freeText', text: 'joined the call' }],
      ['teamwork', { kind: 'freeText', text: 'teamwork' }],
    ]);
  });

  describe('time zone', () => {
    check([
      ['设置时区 Asia/Shanghai', { kind: 'setTimeZone', zone: 'Asia/Shanghai' }],
      ['设置时区Asia/Shanghai', { kind: 'setTimeZone', zone: 'Asia/Shanghai' }],
      ['时区 Asia/Shanghai', { kind: 'setTimeZone', zone: 'Asia/Shanghai' }],
      ['时区：Asia/Shanghai', { kind: 'setTimeZone', zone: 'Asia/Shanghai' }],
      ['timezone America/New_York', { kind: 'setTimeZone', zone: 'America/New_York' }],
      ['time zone Europe/Berlin', { kind: 'setTimeZone', zone: 'Europe/Berlin' }],
      ['TZ utc', { kind: 'setTimeZone', zone: 'utc' }],
      ['tz Not/AZone', { kind: 'setTimeZone', zone: 'Not/AZone' }],
      ['/tz Asia/Tokyo', { kind: 'setTimeZone', zone: 'Asia/Tokyo' }],
      ['设置时区', { kind: 'usage', command: 'setTimeZone' }],
      ['时区', { kind: 'usage', command: 'setTimeZone' }],
      ['timezone', { kind: 'usage', command: 'setTimeZone' }],
      ['tz', { kind: 'usage', command: 'setTimeZone' }],
      ['tzdata', { kind: 'freeText', text: 'tzdata' }],
    ]);
  });

  describe('language', () => {
    check([
      ['语言 中文', { kind: 'setLanguage', language: 'zh-CN' }],
      ['语言 简体中文', { kind: 'setLanguage', language: 'zh-CN' }],
      ['语言中文', { kind: 'setLanguage', language: 'zh-CN' }],
      ['语言 English', { kind: 'setLanguage', language: 'en-US' }],
      ['语言 英文', { kind: 'setLanguage', language: 'en-US' }],
      ['语言 英语', { kind: 'setLanguage', language: 'en-US' }],
      ['language zh', { kind: 'setLanguage', language: 'zh-CN' }],
      ['language zh-CN', { kind: 'setLanguage', language: 'zh-CN' }],
      ['language zh_cn', { kind: 'setLanguage', language: 'zh-CN' }],
      ['language Chinese', { kind: 'setLanguage', language: 'zh-CN' }],
      ['language CN', { kind: 'setLanguage', language: 'zh-CN' }],
      ['language en', { kind: 'setLanguage', language: 'en-US' }],
      ['Language EN-US', { kind: 'setLanguage', language: 'en-US' }],
      ['language english.', { kind: 'setLanguage', language: 'en-US' }],
      ['/language en', { kind: 'setLanguage', language: 'en-US' }],
      ['ｌａｎｇｕａｇｅ　ｅｎ', { kind: 'setLanguage', language: 'en-US' }],
      ['语言', { kind: 'usage', command: 'setLanguage' }],
      ['language', { kind: 'usage', command: 'setLanguage' }],
      ['language fr', { kind: 'usage', command: 'setLanguage' }],
      ['语言 法语', { kind: 'usage', command: 'setLanguage' }],
      ['language constructor', { kind: 'usage', command: 'setLanguage' }],
    ]);
  });

  describe('choose', () => {
    check([
      ['1', { kind: 'choose', index: 1 }],
      ['2', { kind: 'choose', index: 2 }],
      ['99', { kind: 'choose', index: 99 }],
      ['  3  ', { kind: 'choose', index: 3 }],
      ['２', { kind: 'choose', index: 2 }],
      ['１２', { kind: 'choose', index: 12 }],
      ['#3', { kind: 'choose', index: 3 }],
      ['＃３', { kind: 'choose', index: 3 }],
      ['# 3', { kind: 'choose', index: 3 }],
      ['第2个', { kind: 'choose', index: 2 }],
      ['第２个', { kind: 'choose', index: 2 }],
      ['第 2 个', { kind: 'choose', index: 2 }],
      ['第2', { kind: 'choose', index: 2 }],
      ['3.', { kind: 'choose', index: 3 }],
      ['07', { kind: 'choose', index: 7 }],
      ['@Legwork 2', { kind: 'choose', index: 2 }],
      ['0', { kind: 'freeText', text: '0' }],
      ['100', { kind: 'freeText', text: '100' }],
      ['-1', { kind: 'freeText', text: '-1' }],
      ['1.5', { kind: 'freeText', text: '1.5' }],
      ['2 please', { kind: 'freeText', text: '2 please' }],
    ]);
  });

  describe('free text', () => {
    check([
      ['', { kind: 'freeText', text: '' }],
      ['   ', { kind: 'freeText', text: '' }],
      // Prose keeps its Chinese punctuation (parsing itself reads the NFKC form).
      ['他们很满意，下周签合同', { kind: 'freeText', text: '他们很满意，下周签合同' }],
      ['Went well, they want a quote.', { kind: 'freeText', text: 'Went well, they want a quote.' }],
      ['  thanks  ', { kind: 'freeText', text: 'thanks' }],
      ['ｈｅｌｌｏ　ｗｏｒｌｄ', { kind: 'freeText', text: 'ｈｅｌｌｏ　ｗｏｒｌｄ' }],
      ['@Legwork thanks', { kind: 'freeText', text: 'thanks' }],
      ['/unknown command', { kind: 'freeText', text: '/unknown command' }],
      ['line 1\nline 2', { kind: 'freeText', text: 'line 1\nline 2' }],
      ['email me at a@b.com', { kind: 'freeText', text: 'email me at a@b.com' }],
    ]);
  });
});
