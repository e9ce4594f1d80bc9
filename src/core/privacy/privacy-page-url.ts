/** The privacy notice page (`GET /privacy`) in a person's language, as linked from the welcome message. */
export function privacyPageUrl(publicUrl: string, language: 'zh-CN' | 'en-US'): string {
  return `${publicUrl}/privacy?lang=${language}`;
}
