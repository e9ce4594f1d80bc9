import type { Hono } from 'hono';
import { OpenAPIHono } from '@hono/zod-openapi';
import { failureStatus } from '../failure-status.ts';
import { bearerAuth } from './auth.ts';
import { ApiProblem, problemResponse } from './problem.ts';
import { registerUsers } from './users.ts';
import { registerTeams } from './teams.ts';
import { registerCustomers } from './customers.ts';
import { registerCheckIns } from './check-ins.ts';
import { registerVisits } from './visits.ts';
import { registerReports } from './reports.ts';
import { registerPlans } from './plans.ts';
import { registerLeaderboards } from './leaderboards.ts';
import { registerDigests } from './digests.ts';
import { registerAuditLog } from './audit-log.ts';
import { registerExports } from './exports/index.ts';
import { registerOffboarding } from './offboarding.ts';
import { registerComments } from './comments.ts';
import { mountDocs } from './docs.ts';
import type { AdminApiDeps, ApiApp, ApiEnv } from './context.ts';

export type { AdminApiDeps, ApiApp, ApiEnv } from './context.ts';
export { ApiProblem, notFound, problemResponses } from './problem.ts';
export { auditWrite } from './audit.ts';

export const openApiPath = '/api/v1/openapi.json';

/**
 * The admin REST API under `/api/v1` (issue 15), its OpenAPI 3.1 document and the docs page. Routes
 * are declared with @hono/zod-openapi: the zod schemas that validate each request also describe it.
 */
export function mountAdminApi(app: Hono, deps: AdminApiDeps): ApiApp {
  const api = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new ApiProblem('validation_failed', errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '), errors);
      }
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: '`ADMIN_TOKEN` (every org; `?org=<id>` when there are several) or a per-org token created in chat with `api token new <name>` / `API令牌 新建 <名称>`.',
  });
  api.use('/api/v1/*', async (c, next) => {
    if (c.req.path === openApiPath) return next();
    return bearerAuth(deps)(c, next);
  });

  registerUsers(api, deps);
  registerTeams(api, deps);
  registerCustomers(api, deps);
  registerCheckIns(api, deps);
  registerVisits(api, deps);
  registerReports(api, deps);
  registerPlans(api, deps);
  registerLeaderboards(api, deps);
  registerDigests(api, deps);
  registerAuditLog(api, deps);
  registerExports(api, deps);
  registerOffboarding(api, deps);
  registerComments(api, deps);
  for (const register of deps.extraRoutes ?? []) register(api, deps);

  api.doc31(openApiPath, {
    openapi: '3.1.0',
    info: {
      title: 'Legwork admin API',
      version: '1.0.0',
      description:
        'Field sales check-ins, visits, daily reports, plans, leaderboards and digests. Errors are RFC 9457 `application/problem+json` with a stable `code`. Lists are ordered stably and paged with an opaque `nextCursor`. Ids outside your scope answer 404, exactly like ids that do not exist.',
    },
    servers: [{ url: '/' }],
  });
  api.all('/api/v1/*', () => {
    throw new ApiProblem('not_found', 'No such API route');
  });
  api.onError((error, c) => {
    if (error instanceof ApiProblem) return problemResponse(c, error);
    // A value PostgreSQL refuses to read (a malformed cursor key, a date out of range): the request is wrong.
    if (/^22/.test(String((error as { code?: unknown }).code))) return problemResponse(c, new ApiProblem('validation_failed', 'A value in the request cannot be read'));
    const status = failureStatus(error);
    if (status === 400) return problemResponse(c, new ApiProblem('validation_failed', (error as Error).message));
    if (status === 503) return problemResponse(c, new ApiProblem('unavailable', 'Database unavailable, retry later'));
    deps.logger.error({ err: error, path: c.req.path }, 'admin API request failed');
    return problemResponse(c, new ApiProblem('internal'));
  });

  mountDocs(app, deps.docsScript);
  app.route('/', api);
  return api;
}
