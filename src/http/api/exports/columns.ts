import type { CheckInExportItem } from './check-in-rows.ts';
import type { VisitItem } from '../visits.ts';
import type { ReportItem } from '../reports.ts';
import type { z } from '@hono/zod-openapi';
import type { CustomerSchema } from '../customers.ts';
import { csvField } from './csv.ts';

export type Cell = string | number | boolean | null;
export type Lang = 'zh-CN' | 'en-US';

export interface Column<T> {
  header: Record<Lang, string>;
  value: (item: T) => Cell;
  /** The value is a status code printed as a word in the caller's language (`verified` → 已核实). */
  word?: true;
}

const yesNo = (lang: Lang, v: boolean) => (lang === 'zh-CN' ? (v ? '是' : '否') : v ? 'yes' : 'no');

const statusWords: Record<Lang, Record<string, string>> = {
  'zh-CN': { verified: '已核实', outside: '范围外', unverified: '未核实', note_only: '仅备注', in: '签到', out: '签退' },
  'en-US': { verified: 'verified', outside: 'outside', unverified: 'unverified', note_only: 'note only', in: 'check-in', out: 'check-out' },
};

/**
 * Columns of each export, with headers in both languages. Booleans and statuses are words in the
 * caller's language. `row` gives the cells (Excel); `csv` the CSV record straight from the item,
 * without an array of cells per row (it runs 100,000 times in an export).
 */
export function columnsFor(dataset: Dataset, lang: Lang): { headers: string[]; row: (item: never) => Cell[]; csv: (item: never) => string } {
  const cols = COLUMNS[dataset] as Column<never>[];
  // Each column's value already in the caller's language, decided once per export rather than per cell.
  const words = statusWords[lang];
  const values = cols.map(({ value, word }): ((item: never) => Cell) => {
    if (!word) return (item) => localise(value(item), lang);
    return (item) => {
      const code = value(item) as string | null;
      return code === null ? null : (words[code] ?? code);
    };
  });
  return {
    headers: cols.map((c) => c.header[lang]),
    row: (item) => values.map((value) => value(item)),
    csv: (item) => {
      let line = csvField(values[0]!(item));
      for (let i = 1; i < values.length; i++) line += `,${csvField(values[i]!(item))}`;
      return `${line}\r\n`;
    },
  };
}

const localise = (value: Cell, lang: Lang): Cell => (typeof value === 'boolean' ? yesNo(lang, value) : value);

const checkIns: Column<CheckInExportItem>[] = [
  { header: { 'zh-CN': '时间', 'en-US': 'Time' }, value: (r) => r.at },
  { header: { 'zh-CN': '类型', 'en-US': 'Kind' }, value: (r) => r.kind, word: true },
  { header: { 'zh-CN': '人员', 'en-US': 'Person' }, value: (r) => r.userName },
  { header: { 'zh-CN': '客户', 'en-US': 'Customer' }, value: (r) => r.customerName },
  { header: { 'zh-CN': '状态', 'en-US': 'Status' }, value: (r) => r.status, word: true },
  { header: { 'zh-CN': '距离(米)', 'en-US': 'Distance (m)' }, value: (r) => r.distanceM },
  { header: { 'zh-CN': '范围(米)', 'en-US': 'Radius (m)' }, value: (r) => r.radiusM },
  { header: { 'zh-CN': '精度(米)', 'en-US': 'Accuracy (m)' }, value: (r) => r.accuracyM },
  { header: { 'zh-CN': '精度不足', 'en-US': 'Accuracy flagged' }, value: (r) => r.accuracyFlagged },
  { header: { 'zh-CN': '模拟位置', 'en-US': 'Mock location' }, value: (r) => r.mocked },
  { header: { 'zh-CN': '纬度', 'en-US': 'Latitude' }, value: (r) => r.lat },
  { header: { 'zh-CN': '经度', 'en-US': 'Longitude' }, value: (r) => r.lng },
  { header: { 'zh-CN': '平台', 'en-US': 'Platform' }, value: (r) => r.platform },
  { header: { 'zh-CN': '签到ID', 'en-US': 'Check-in id' }, value: (r) => r.id },
  { header: { 'zh-CN': '拜访ID', 'en-US': 'Visit id' }, value: (r) => r.visitId },
];

const visits: Column<VisitItem>[] = [
  { header: { 'zh-CN': '开始时间', 'en-US': 'Started' }, value: (r) => r.startedAt },
  { header: { 'zh-CN': '结束时间', 'en-US': 'Ended' }, value: (r) => r.endedAt },
  { header: { 'zh-CN': '人员', 'en-US': 'Person' }, value: (r) => r.userName },
  { header: { 'zh-CN': '客户', 'en-US': 'Customer' }, value: (r) => r.customerName },
  { header: { 'zh-CN': '来源', 'en-US': 'Source' }, value: (r) => r.source === 'note_only' ? 'note_only' : 'in', word: true },
  { header: { 'zh-CN': '签到状态', 'en-US': 'Check-in status' }, value: (r) => r.status, word: true },
  { header: { 'zh-CN': '备注', 'en-US': 'Notes' }, value: (r) => r.notes },
  { header: { 'zh-CN': '下一步', 'en-US': 'Next step' }, value: (r) => r.nextStep },
  { header: { 'zh-CN': '跟进日期', 'en-US': 'Follow-up date' }, value: (r) => r.followUpDate },
  { header: { 'zh-CN': '拜访ID', 'en-US': 'Visit id' }, value: (r) => r.id },
];

const reports: Column<ReportItem>[] = [
  { header: { 'zh-CN': '日期', 'en-US': 'Date' }, value: (r) => r.reportDate },
  { header: { 'zh-CN': '人员', 'en-US': 'Person' }, value: (r) => r.userName },
  { header: { 'zh-CN': '提交时间', 'en-US': 'Submitted' }, value: (r) => r.submittedAt },
  { header: { 'zh-CN': '迟交', 'en-US': 'Late' }, value: (r) => r.late },
  { header: { 'zh-CN': '拜访数', 'en-US': 'Visits' }, value: (r) => r.summary.visits },
  { header: { 'zh-CN': '已核实', 'en-US': 'Verified' }, value: (r) => r.summary.verified },
  { header: { 'zh-CN': '客户', 'en-US': 'Customers' }, value: (r) => r.summary.customers.join('; ') },
  { header: { 'zh-CN': '内容', 'en-US': 'Report' }, value: (r) => r.body },
  { header: { 'zh-CN': '修改次数', 'en-US': 'Revision' }, value: (r) => r.revision },
  { header: { 'zh-CN': '日报ID', 'en-US': 'Report id' }, value: (r) => r.id },
];

type CustomerItem = z.infer<typeof CustomerSchema>;
const customers: Column<CustomerItem>[] = [
  { header: { 'zh-CN': '名称', 'en-US': 'Name' }, value: (r) => r.name },
  { header: { 'zh-CN': '别名', 'en-US': 'Aliases' }, value: (r) => r.aliases.join(';') },
  { header: { 'zh-CN': '级别', 'en-US': 'Tier' }, value: (r) => r.tier },
  { header: { 'zh-CN': '负责人', 'en-US': 'Owner' }, value: (r) => r.owner?.name ?? null },
  { header: { 'zh-CN': '地址', 'en-US': 'Address' }, value: (r) => r.address },
  { header: { 'zh-CN': '纬度', 'en-US': 'Latitude' }, value: (r) => r.original?.lat ?? null },
  { header: { 'zh-CN': '经度', 'en-US': 'Longitude' }, value: (r) => r.original?.lng ?? null },
  { header: { 'zh-CN': '坐标系', 'en-US': 'System' }, value: (r) => r.original?.system ?? null },
  { header: { 'zh-CN': '签到范围(米)', 'en-US': 'Radius (m)' }, value: (r) => r.radiusM },
  { header: { 'zh-CN': '最近拜访', 'en-US': 'Last visit' }, value: (r) => r.lastVisitAt },
  { header: { 'zh-CN': '客户ID', 'en-US': 'Customer id' }, value: (r) => r.id },
];

const COLUMNS = { 'check-ins': checkIns, visits, reports, customers };
export type Dataset = keyof typeof COLUMNS;
export const datasets = Object.keys(COLUMNS) as Dataset[];
