import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';

/**
 * RFC 9457 problem details. `code` is the stable, machine-readable reason (integrators switch on it);
 * `title` and `detail` are for people and may change wording.
 */
export const problemCodes = {
  validation_failed: 400,
  org_required: 400,
  unauthorized: 401,
  token_revoked: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  name_taken: 409,
  customer_visited: 409,
  unprocessable: 422,
  unavailable: 503,
  not_implemented: 501,
  internal: 500,
} as const;

export type ProblemCode = keyof typeof problemCodes;

const titles: Record<ProblemCode, string> = {
  validation_failed: 'The request is not valid',
  org_required: 'Several orgs: name one with ?org=<id>',
  unauthorized: 'A valid bearer token is needed',
  token_revoked: 'This API token was revoked',
  forbidden: 'Not allowed for this token or person',
  not_found: 'Not found',
  conflict: 'Conflicts with the current state',
  name_taken: 'The name is already taken',
  customer_visited: 'The customer has visits and cannot be deleted',
  unprocessable: 'The request cannot be carried out',
  unavailable: 'Temporarily unavailable',
  not_implemented: 'Not available on this deployment',
  internal: 'Internal error',
};

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:legwork:problem:not_found' }),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ example: 'not_found' }),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

/** Thrown anywhere below a route: the API's error handler turns it into its problem response. */
export class ApiProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    detail?: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(detail ?? titles[code]);
    this.name = 'ApiProblem';
  }
  get status(): number {
    return problemCodes[this.code];
  }
  toJSON(): Problem {
    return {
      type: `urn:legwork:problem:${this.code}`,
      title: titles[this.code],
      status: this.status,
      code: this.code,
      ...(this.message !== titles[this.code] ? { detail: this.message } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export function problemResponse(c: Context, problem: ApiProblem): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (problem.status === 401) headers['www-authenticate'] = 'Bearer realm="legwork"';
  return c.body(JSON.stringify(problem.toJSON()), problem.status as 400, headers);
}

/** The same 404 for "does not exist" and "not yours": a caller never learns another org's ids exist. */
export const notFound = (what: string) => new ApiProblem('not_found', `No ${what} with this id`);

/** Documented error responses, shared by every route (the body is always a Problem). */
export function problemResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 422)[]) {
  const descriptions = { 400: 'Invalid request', 401: 'Missing, unknown or revoked token', 403: 'Not allowed', 404: 'Not found (or not in scope)', 409: 'Conflict', 422: 'Cannot be carried out' };
  return Object.fromEntries(
    [...new Set([400, 401, ...statuses])].map((s) => [s, { description: descriptions[s as 400], content: { 'application/problem+json': { schema: ProblemSchema } } }]),
  ) as Record<number, { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } }>;
}
