/**
 * English replies for admin API tokens in chat (issue 15). Spread into en-US.ts; api-tokens-zh-CN.ts
 * provides the same keys.
 */
export interface ApiTokenLine {
  name: string;
  createdOn: string;
  createdBy: string | null;
  lastUsedOn: string | null;
}

export const apiTokensEnUS = {
  apiTokenCreated: (p: { name: string; token: string; publicUrl: string }) =>
    `API token "${p.name}" created. It is shown only this once; keep it somewhere safe:\n${p.token}\nUse it as "Authorization: Bearer <token>" on ${p.publicUrl}/api/v1 (docs: ${p.publicUrl}/api/docs). Revoke it with "api token revoke ${p.name}".`,
  apiTokenRevoked: (p: { name: string }) => `API token "${p.name}" is revoked; requests using it are refused from now on.`,
  apiTokenNone: () => 'No API tokens yet. Create one with "api token new <name>".',
  apiTokenList: (p: { tokens: ApiTokenLine[] }) =>
    `API tokens:\n${p.tokens
      .map((t) => `• ${t.name}: created ${t.createdOn}${t.createdBy ? ` by ${t.createdBy}` : ''}, ${t.lastUsedOn ? `last used ${t.lastUsedOn}` : 'never used'}`)
      .join('\n')}`,
  apiTokenNameTaken: (p: { name: string }) => `There is already an API token called "${p.name}"; pick another name or revoke it first.`,
  apiTokenNameTooLong: (p: { max: number }) => `A token name may have at most ${p.max} characters.`,
  apiTokenNotFound: (p: { name: string }) => `No live API token is called "${p.name}". Send "api token" to list them.`,
};
