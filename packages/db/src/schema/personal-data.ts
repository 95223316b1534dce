import type { AuditTargetType, PiiKind } from "@runder-tisch/contracts/vocabulary";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { createdAt, id } from "./columns.ts";
import { agencies, users } from "./people.ts";

/**
 * A text published although the personal-data guard flagged it, with the writer's
 * reason. Case data (the reason may name someone), so it lives and dies with the case;
 * the audit trail records only that it happened and the kinds found.
 */
export const personalDataOverrides = pgTable(
  "personal_data_overrides",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    targetType: text("target_type").$type<AuditTargetType>().notNull(),
    targetId: uuid("target_id").notNull(),
    kinds: jsonb("kinds").$type<PiiKind[]>().notNull(),
    reason: text("reason").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    createdAt: createdAt(),
  },
  (table) => [index("personal_data_overrides_case_idx").on(table.caseId)],
);

export type PersonalDataOverrideRow = typeof personalDataOverrides.$inferSelect;
