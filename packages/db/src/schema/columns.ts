import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** drizzle's pg-core has no bytea column; both pg and PGlite hand back Buffers/Uint8Arrays. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value)),
});

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () =>
  timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
