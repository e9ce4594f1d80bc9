import { z } from '@hono/zod-openapi';
import { PageQuery } from './pagination.ts';

const uuid = (description: string) => z.uuid().openapi({ description });
const localDate = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a calendar date')
    .openapi({ description, example: '2026-11-27' });

export const LocalDate = localDate('A local calendar date');

/** The filters every list and export takes. Dates are local dates in the org's time zone, inclusive. */
export const FilterQuery = z.object({
  org: z.string().optional().openapi({ description: 'Org id; only with ADMIN_TOKEN, and optional while there is one org' }),
  team: uuid('Only people in this team').optional(),
  user: uuid('Only this person').optional(),
  customer: uuid('Only this customer').optional(),
  from: localDate('First local date (inclusive)').optional(),
  to: localDate('Last local date (inclusive)').optional(),
});

export const ListQuery = FilterQuery.extend(PageQuery.shape);

export const OrgQuery = z.object({ org: FilterQuery.shape.org });

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'Id' }) });

export const Timestamp = z.string().openapi({ description: "Local time in the org's zone with its offset", example: '2026-11-27T10:00:00+08:00' });

export const security = [{ bearer: [] as string[] }];
