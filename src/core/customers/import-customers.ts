import type { Kysely, Updateable } from 'kysely';
import type { Customer, CustomersTable, Database } from '../../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { validateCoordinates, type CoordinateSystem } from '../../geo/index.ts';
import { positionColumns } from './create-customer.ts';
import { searchKeysFor } from './match-customer-name.ts';
import { describeRowProblem, type RowProblem } from './row-problems.ts';

export { describeRowProblem, type RowProblem } from './row-problems.ts';

/**
 * One record of a customer sheet. A reader that knows the record's line in the file (header = line 1)
 * passes `{ line, record }`, or `{ line, unreadable }` for a record it could not parse; a bare record
 * is numbered by position (first data row = line 2). CSV cells are strings, so a numeric `line` never
 * collides with a column.
 */
export type CustomerSheetRow =
  | Record<string, string>
  | { line: number; record: Record<string, string> }
  | { line: number; unreadable: string };

export interface ImportCustomersInput {
  orgId: string;
  rows: AsyncIterable<CustomerSheetRow> | Iterable<CustomerSheetRow>;
}

/** What an import did. `unchanged` rows matched a customer that already said the same thing. */
export interface ImportCustomersResult {
  created: number;
  updated: number;
  unchanged: number;
  /** In line order: the problems in English (`message`, for the CLI and the API) and as data (`problems`, for the console's languages). */
  errors: { line: number; message: string; problems: RowProblem[] }[];
  /** Headers that name no known column (a typo such as `teir` would otherwise be silently lost). */
  ignoredColumns: string[];
}

/** The whole file cannot be imported (unknown org, no name column): nothing was written. */
export class CustomerImportError extends Error {
  override name = 'CustomerImportError';
  /** The sheet's headers when it has no name column (the console says so in the reader's language). */
  readonly headers?: string[];
  constructor(message: string, details: { headers?: string[] } = {}) {
    super(message);
    if (details.headers) this.headers = details.headers;
  }
}

function rowError(line: number, problems: RowProblem[]): ImportCustomersResult['errors'][number] {
  return { line, message: problems.map(describeRowProblem).join('; '), problems };
}

type Column = 'name' | 'aliases' | 'tier' | 'lat' | 'lng' | 'system' | 'address' | 'owner';

// Headers as people write them in English and Chinese sheets, compared without case, spaces or dashes.
const HEADERS: Record<Column, string[]> = {
  name: ['name', 'customer', 'customername', '名称', '客户', '客户名称'],
  aliases: ['aliases', 'alias', '别名'],
  tier: ['tier', 'level', '级别', '等级'],
  lat: ['lat', 'latitude', '纬度'],
  lng: ['lng', 'lon', 'long', 'longitude', '经度'],
  system: ['system', 'coordinatesystem', 'coordsystem', 'crs', 'datum', '坐标系', '坐标系统'],
  address: ['address', 'addr', '地址'],
  owner: ['owner', '负责人'],
};
const COLUMN_BY_HEADER = new Map(
  Object.entries(HEADERS).flatMap(([column, names]) => names.map((n) => [n, column as Column] as const)),
);

/** The column a header names, if any: case-insensitive, BOM, spaces, `_`, `-` and `.` ignored. */
export function columnOf(header: string): Column | undefined {
  return COLUMN_BY_HEADER.get(header.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_\-.]/g, ''));
}

interface ParsedRow {
  name: string;
  aliases?: string[];
  tier?: 'A' | 'B' | 'C';
  position?: { lat: number; lng: number; system: CoordinateSystem };
  address?: string;
  owner?: string;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Validates one record's cells. Every problem is listed so a row is fixed in one go. A blank optional
 * cell is `undefined`: on re-import it keeps what the customer has (reps may have set it in chat).
 */
export function parseCustomerCells(cells: Partial<Record<Column, string>>): { row?: ParsedRow; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (c: Column) => cells[c]?.trim() || undefined;
  const name = text('name')?.replace(/\s+/g, ' ');
  if (!name) problems.push({ kind: 'nameEmpty' });
  else if (name.length > 200) problems.push({ kind: 'nameTooLong' });

  const tierCell = text('tier')?.toUpperCase();
  if (tierCell && !['A', 'B', 'C'].includes(tierCell)) problems.push({ kind: 'badTier', value: text('tier')! });

  const systemCell = text('system')?.toLowerCase().replace(/[\s_\-.]/g, '');
  const system = !systemCell ? 'wgs84' : systemCell === 'wgs84' ? 'wgs84' : systemCell === 'gcj02' || systemCell === 'gcj' ? 'gcj02' : undefined;
  if (!system) problems.push({ kind: 'badSystem', value: text('system')! });

  let position: ParsedRow['position'];
  const [latCell, lngCell] = [text('lat'), text('lng')];
  if (latCell && !lngCell) problems.push({ kind: 'latWithoutLng' });
  else if (lngCell && !latCell) problems.push({ kind: 'lngWithoutLat' });
  else if (latCell && lngCell) {
    const [lat, lng] = [latCell, lngCell].map((v) => (DECIMAL.test(v) ? Number(v) : Number.NaN)) as [number, number];
    const check = validateCoordinates(lat, lng);
    if (!check.ok) problems.push({ kind: 'badPosition', lat: latCell, lng: lngCell, why: check.problem }); else if (system) position = { ...check.value, system };
  }
  if (problems.length > 0 || !name) return { problems };

  const aliasCell = text('aliases');
  const aliases = aliasCell === undefined ? undefined : uniqueAliases(name, aliasCell.split(/[;|、；｜]/));
  return {
    problems,
    row: { name, aliases, tier: tierCell as ParsedRow['tier'], position, address: text('address'), owner: text('owner') },
  };
}

function uniqueAliases(name: string, parts: string[]): string[] {
  const seen = new Set([name.toLowerCase()]);
  return parts.map((p) => p.trim()).filter((p) => p && !seen.has(p.toLowerCase()) && seen.add(p.toLowerCase()));
}

/**
 * Creates or updates the org's customers from sheet rows. A customer is matched by name, ignoring case
 * (the `customers_org_name_uq` index), so importing a file twice updates instead of duplicating. Rows
 * are validated one by one and saved in batches; a bad row is reported with its line and never blocks
 * the good ones. Needs a `Kysely` handle, not a transaction, because it opens one per batch.
 */
export async function importCustomers(
  { db, clock }: { db: Kysely<Database>; clock: Clock },
  input: ImportCustomersInput,
): Promise<ImportCustomersResult> {
  const org = await db.selectFrom('orgs').select('id').where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw new CustomerImportError(`org ${input.orgId} not found`);
  const result: ImportCustomersResult = { created: 0, updated: 0, unchanged: 0, errors: [], ignoredColumns: [] };
  const owners = new Map<string, Promise<OwnerLookup>>();
  const firstLineOf = new Map<string, number>();
  let batch: Pending[] = [];
  let ordinal = 0;
  let columnsChecked = false;

  for await (const item of input.rows) {
    ordinal += 1;
    const { line, record, unreadable } = numbered(item, ordinal);
    if (!record) {
      result.errors.push(rowError(line, [{ kind: 'unreadable', detail: unreadable ?? 'unreadable record' }]));
      continue;
    }
    if (!columnsChecked) {
      columnsChecked = true;
      const headers = Object.keys(record);
      if (!headers.some((h) => columnOf(h) === 'name')) {
        throw new CustomerImportError(`no name column (名称); the headers are: ${headers.join(', ')}`, { headers });
      }
      result.ignoredColumns = headers.filter((h) => !columnOf(h));
    }
    const cells: Partial<Record<Column, string>> = {};
    for (const [header, value] of Object.entries(record)) {
      const column = columnOf(header);
      if (column && !cells[column]) cells[column] = value;
    }

    const { row, problems } = parseCustomerCells(cells);
    let ownerId: string | undefined;
    if (row) {
      const earlier = firstLineOf.get(row.name.toLowerCase());
      // A name twice in one file is almost always a mistake; silently letting the last row win hides it.
      if (earlier !== undefined) problems.push({ kind: 'duplicateName', name: row.name, line: earlier });
      if (row.owner) {
        const key = row.owner.toLowerCase();
        if (!owners.has(key)) owners.set(key, findOwner(db, input.orgId, row.owner));
        const found = await owners.get(key)!;
        if ('problem' in found) problems.push(found.problem);
        else ownerId = found.userId;
      }
    }
    if (!row || problems.length > 0) {
      result.errors.push(rowError(line, problems));
      continue;
    }
    firstLineOf.set(row.name.toLowerCase(), line);
    batch.push({ line, row, ownerId });
    if (batch.length >= BATCH_SIZE) {
      await flush(db, clock, input.orgId, batch, result);
      batch = [];
    }
  }
  await flush(db, clock, input.orgId, batch, result);
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

interface Pending {
  line: number;
  row: ParsedRow;
  ownerId?: string;
}

// One round trip per batch instead of four per row: a 10,000-row sheet imports in seconds.
const BATCH_SIZE = 200;
const isDataError = (error: unknown) => /^2[23]/.test(String((error as { code?: unknown }).code));

async function flush(db: Kysely<Database>, clock: Clock, orgId: string, batch: Pending[], result: ImportCustomersResult) {
  if (batch.length === 0) return;
  try {
    add(result, await saveBatch(db, clock, orgId, batch));
  } catch (error) {
    // A row the database refuses (or a name created in chat meanwhile) spoils its batch: redo the
    // batch row by row so only that row fails. Other errors (a lost connection) stop the import.
    if (!isDataError(error)) throw error;
    for (const item of batch) {
      try {
        add(result, await saveBatch(db, clock, orgId, [item]).catch((e: { code?: unknown }) => {
          if (e.code === '23505') return saveBatch(db, clock, orgId, [item]); // created meanwhile: now an update
          throw e;
        }));
      } catch (refusal) {
        if (!isDataError(refusal)) throw refusal;
        result.errors.push(rowError(item.line, [{ kind: 'refusedByDatabase', detail: (refusal as Error).message }]));
      }
    }
  }
}

type Counts = Pick<ImportCustomersResult, 'created' | 'updated' | 'unchanged'>;
const add = (result: ImportCustomersResult, counts: Counts) => {
  for (const key of ['created', 'updated', 'unchanged'] as const) result[key] += counts[key];
};

/** Saves a batch in one transaction: new names inserted, known ones updated where the sheet differs. */
function saveBatch(db: Kysely<Database>, clock: Clock, orgId: string, batch: Pending[]): Promise<Counts> {
  return db.transaction().execute(async (tx) => {
    const now = clock.now();
    const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
    const lineOf = new Map(batch.map((b) => [b.row.name.toLowerCase(), b.line]));
    const known = await tx.selectFrom('customers').selectAll().where('org_id', '=', orgId)
      .where((eb) => eb(eb.fn('lower', ['name']), 'in', [...lineOf.keys()])).execute();
    const existing = new Map(known.map((c) => [c.name.toLowerCase(), c]));
    const audits: { action: string; subject_id: string; detail: string }[] = [];
    const audit = (action: string, id: string, name: string, extra: object = {}) =>
      audits.push({ action, subject_id: id, detail: JSON.stringify({ source: 'csv', line: lineOf.get(name.toLowerCase()), name, ...extra }) });

    const fresh = batch.filter((b) => !existing.has(b.row.name.toLowerCase()));
    if (fresh.length > 0) {
      const created = await tx.insertInto('customers').values(fresh.map(({ row, ownerId }) => ({
        org_id: orgId, name: row.name, aliases: row.aliases ?? [], search_keys: searchKeysFor(row.name, row.aliases ?? []),
        tier: row.tier ?? 'C', address: row.address ?? null,
        owner_id: ownerId ?? null, ...positionColumns(row.position), created_at: now, updated_at: now,
      }))).returning(['id', 'name']).execute();
      for (const c of created) audit('customer.created', c.id, c.name);
      counts.created = created.length;
    }
    for (const { row, ownerId } of batch) {
      const customer = existing.get(row.name.toLowerCase());
      if (!customer) continue;
      const patch = changesFor(customer, row, ownerId);
      if (Object.keys(patch).length === 0) {
        counts.unchanged += 1;
        continue;
      }
      // New keys with a new name or aliases (else the database clears them: see the search keys migration).
      const keys = 'name' in patch || 'aliases' in patch ? { search_keys: searchKeysFor(patch.name ?? customer.name, patch.aliases ?? customer.aliases) } : {};
      await tx.updateTable('customers').set({ ...patch, ...keys, updated_at: now }).where('id', '=', customer.id).execute();
      audit('customer.updated', customer.id, row.name, { fields: Object.keys(patch) });
      counts.updated += 1;
    }
    if (audits.length > 0) {
      await tx.insertInto('audit_log').values(audits.map((a) => ({ ...a, org_id: orgId, at: now }))).execute();
    }
    return counts;
  });
}

function numbered(item: CustomerSheetRow, ordinal: number): { line: number; record?: Record<string, string>; unreadable?: string } {
  if (typeof item.line !== 'number') return { line: ordinal + 1, record: item as Record<string, string> };
  return item as { line: number; record?: Record<string, string>; unreadable?: string };
}

type OwnerLookup = { userId: string } | { problem: RowProblem };

/** An owner cell names a user of the org by display name (any case), chat id (identity) or user id. */
async function findOwner(db: Kysely<Database>, orgId: string, owner: string): Promise<OwnerLookup> {
  const byName = db.selectFrom('users').select('id').where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['display_name']), '=', owner.toLowerCase()));
  const byIdentity = db.selectFrom('identities').innerJoin('users', 'users.id', 'identities.user_id')
    .select('users.id').where('users.org_id', '=', orgId).where('identities.external_id', '=', owner);
  let query = byName.union(byIdentity);
  // Only a well-formed uuid may reach the uuid column: anything else would be a cast error.
  if (/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(owner)) {
    query = query.union(db.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', '=', owner));
  }
  const ids = [...new Set((await query.execute()).map((r) => r.id))];
  if (ids.length === 1) return { userId: ids[0]! };
  if (ids.length === 0) return { problem: { kind: 'unknownOwner', owner } };
  return { problem: { kind: 'ambiguousOwner', owner, count: ids.length } };
}

/** Only the cells the row filled and that differ from what is stored. */
function changesFor(existing: Customer, row: ParsedRow, ownerId: string | undefined): Updateable<CustomersTable> {
  const patch: Updateable<CustomersTable> = {};
  // The name matched ignoring case; a different spelling in the file is a deliberate correction.
  if (row.name !== existing.name) patch.name = row.name;
  if (row.aliases && row.aliases.join('\u0000') !== existing.aliases.join('\u0000')) patch.aliases = row.aliases;
  if (row.tier && row.tier !== existing.tier) patch.tier = row.tier;
  if (row.address && row.address !== existing.address) patch.address = row.address;
  if (ownerId && ownerId !== existing.owner_id) patch.owner_id = ownerId;
  const p = row.position;
  if (p && (p.lat !== existing.original_lat || p.lng !== existing.original_lng || p.system !== existing.original_system)) {
    Object.assign(patch, positionColumns(p));
  }
  return patch;
}
