/**
 * The body as Bolt expects it: Events API JSON; slash commands as a flat object of their form
 * fields; interactivity (block actions, view submissions) as the JSON inside the `payload` field.
 */
export function parseSlackBody(contentType: string, rawBody: Buffer): Record<string, unknown> | undefined {
  const text = rawBody.toString('utf8');
  try {
    if (contentType.startsWith('application/json')) return asObject(JSON.parse(text));
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(text);
      const payload = form.get('payload');
      if (payload !== null) return asObject(JSON.parse(payload));
      return Object.fromEntries(form.entries());
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
