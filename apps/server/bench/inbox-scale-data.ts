// Synthetic data at the scale of a large Kreis and beyond: agencies, users,
// cases shared between agencies and up to a million actions, written by
// PostgreSQL itself (generate_series) so loading takes seconds, not hours.
import type { Database } from "@runder-tisch/db";
import { type SQL, sql } from "drizzle-orm";

export const AGENCIES = 50;
export const USERS_PER_AGENCY = 4;
export const CASES = 20_000;
const BATCH = 100_000;

export const n = (value: number) => sql.raw(String(value));
// Deterministic ids (md5 of a label) let every table refer to rows of the others without
// lookups; version and variant digits are set so they are valid UUIDs to the API's schemas.
const uuidOf = (label: SQL) =>
  sql`overlay(overlay(md5(${label}) placing '4' from 13) placing '8' from 17)::uuid`;
export const agencyId = (number: SQL) => uuidOf(sql`'rt-bench-agency-' || (${number})::text`);
export const userId = (agency: SQL, k: SQL) =>
  uuidOf(sql`'rt-bench-user-' || (${agency})::text || '-' || (${k})::text`);
const caseId = (number: SQL) => uuidOf(sql`'rt-bench-case-' || (${number})::text`);
// Independent pseudo-random streams over g, so agency, status, person and due date do not correlate.
const pick = (seed: number, modulo: number) =>
  sql`(((hashint4extended(g, ${n(seed)}) % ${n(modulo)}) + ${n(modulo)}) % ${n(modulo)})`;
// The case's owner and its two partners, as agency numbers 1..AGENCIES.
const ownerOf = (c: SQL) => sql`((${c} - 1) % ${n(AGENCIES)}) + 1`;
const partnerOf = (c: SQL, offset: number) => sql`((${c} - 1 + ${n(offset)}) % ${n(AGENCIES)}) + 1`;

/**
 * 50 agencies, 20,000 cases each shared with two partners, and `actions` actions
 * spread over them, so agency 1 is responsible for about one in fifty.
 */
export async function seedInboxScale(db: Database, actions: number): Promise<void> {
  const g = sql.raw("g");
  await db.execute(sql`insert into agencies (id, name, kind)
    select ${agencyId(g)}, 'Bench-Agentur ' || g, 'sonstige' from generate_series(1, ${n(AGENCIES)}) g`);
  await db.execute(sql`insert into users (id, agency_id, email, display_name, role, password_hash)
    select ${userId(sql.raw("a"), sql.raw("k"))}, ${agencyId(sql.raw("a"))},
      'bench-' || a || '-' || k || '@bench.test', 'Bench ' || a || '-' || k, 'member', 'x'
    from generate_series(1, ${n(AGENCIES)}) a, generate_series(1, ${n(USERS_PER_AGENCY)}) k`);
  await db.execute(sql`insert into cases (id, code, owner_agency_id, summary, themes)
    select ${caseId(g)}, 'RT-9998-' || lpad(g::text, 6, '0'), ${agencyId(ownerOf(g))}, 'Bench',
      array[(array['work','residence','language','health','mobility','housing'])[g % 6 + 1], 'training']
    from generate_series(1, ${n(CASES)}) g`);
  // Two partners per case; every tenth second basis is revoked, every fourth first one covers special data.
  for (const [offset, special, revoked] of [
    [7, "g % 4 = 0", "false"],
    [19, "false", "g % 10 = 0"],
  ] as const) {
    await db.execute(sql`insert into sharing_bases
        (case_id, agency_id, purpose, categories, legal_basis, recorded_by, revoked_at)
      select ${caseId(g)}, ${agencyId(partnerOf(g, offset))}, 'Bench',
        case when ${sql.raw(special)} then array['general','special'] else array['general'] end,
        'consent', ${userId(ownerOf(g), n(1))}, case when ${sql.raw(revoked)} then now() end
      from generate_series(1, ${n(CASES)}) g`);
  }
  for (let from = 1; from <= actions; from += BATCH) {
    const to = Math.min(from + BATCH - 1, actions);
    const c = sql`((g - 1) % ${n(CASES)} + 1)`;
    // Responsibility rotates between owner and partners; statuses about 40/20/30/10 %.
    const responsible = sql`case (g / ${n(CASES)}) % 3
      when 0 then ${ownerOf(c)} when 1 then ${partnerOf(c, 7)} else ${partnerOf(c, 19)} end`;
    await db.execute(sql`insert into actions (case_id, title, responsible_agency_id,
        responsible_user_id, due_date, status, created_at)
      select ${caseId(c)}, 'Maßnahme ' || g, ${agencyId(responsible)},
        case when ${pick(1, 4)} = 0 then null else ${userId(responsible, pick(1, 4))} end,
        case when ${pick(2, 9)} = 0 then null else current_date + (${pick(3, 150)}::int - 50) end,
        (array['open','open','open','open','in_progress','in_progress','done','done','done','cancelled'])[${pick(4, 10)} + 1],
        now() - make_interval(hours => ${pick(5, 720)}::int)
      from generate_series(${n(from)}, ${n(to)}) g`);
    process.stdout.write(`  actions ${to.toLocaleString("en")}\r`);
  }
  // Production's autovacuum keeps the visibility map current; index-only scans depend on it.
  await db.execute(sql`vacuum analyze`);
}
