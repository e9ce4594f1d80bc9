import type { Language } from '../../src/conversation/intents/types.ts';
import type { OutboundMessage } from '../../src/conversation/types.ts';

/**
 * One page of a long manager answer (`团队 昨天`) as the core's pagination sends it: sections, the
 * plain-text hint in the text and in the last section, and one choice ("next page") with the
 * question's id. For the adapters' tests of sections and choices together.
 */
export function samplePage(language: Language = 'zh-CN', questionId = 'Pg2Qn_id-0001'): OutboundMessage {
  const zh = language === 'zh-CN';
  const hint = zh ? '回复「下一页」查看第 2/3 页' : 'Reply "next page" for page 2 of 3';
  const sections = zh
    ? [
        { heading: '华东', lines: ['• 张伟：拜访 3 次（华为、中兴、阿里）', '• 李娜：拜访 2 次（腾讯、百度）'] },
        { heading: '华南', lines: ['• 王强：拜访 1 次（小米）', hint] },
      ]
    : [
        { heading: 'East', lines: ['• Zhang Wei: 3 visits (Huawei, ZTE, Alibaba)', '• Li Na: 2 visits (Tencent, Baidu)'] },
        { heading: 'South', lines: ['• Wang Qiang: 1 visit (Xiaomi)', hint] },
      ];
  const text = sections.map((s) => [s.heading, ...s.lines].join('\n')).join('\n\n');
  return {
    text,
    sections,
    choices: [zh ? { label: '下一页（2/3）', reply: '下一页' } : { label: 'Next page (2/3)', reply: 'next page' }],
    questionId,
    language,
  };
}
