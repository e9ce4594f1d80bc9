import type { checkOutEnUS } from './check-out-en-US.ts';

/** 签退时一并给出的下一步、跟进日期（"签退 见了采购 下一步 发报价 跟进 下周五"），与 check-out-en-US.ts 同键。 */
export const checkOutZhCN: typeof checkOutEnUS = {
  checkOutNextSteps: (p) => [p.nextStep ? `下一步：${p.nextStep}` : null, p.followUp ? `跟进日期：${p.followUp}` : null].filter(Boolean).join('\n'),
};
