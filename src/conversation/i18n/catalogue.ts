import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';
import type { Language } from '../intents/types.ts';

/** The shape every language must provide: en-US is the reference. */
export type Catalogue = typeof enUS;
export type MessageKey = keyof Catalogue;
export type MessageParams<K extends MessageKey> = Parameters<Catalogue[K]>[0];

const catalogues: Record<Language, Catalogue> = { 'en-US': enUS, 'zh-CN': zhCN };

/** The catalogue for a user's language. */
export function catalogueFor(language: Language): Catalogue {
  return catalogues[language];
}

/** Renders one message by key; used where the key is data (domain errors). */
export function render<K extends MessageKey>(language: Language, key: K, params: MessageParams<K>): string {
  const entry = catalogues[language][key] as (p: MessageParams<K>) => string;
  return entry(params);
}
