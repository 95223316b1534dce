ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_unique" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."chain_seq" is null;--> statement-breakpoint
-- Rows written before sealing existed were chained in id order as they were appended.
ALTER TABLE "audit_log" DISABLE TRIGGER audit_log_append_only;--> statement-breakpoint
UPDATE "audit_log" SET "chain_seq" = ordered.seq
  FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS seq FROM "audit_log") AS ordered
  WHERE "audit_log"."id" = ordered."id";--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE TRIGGER audit_log_append_only;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_sealed_whole"
  CHECK (("chain_seq" IS NULL) = ("hash" IS NULL) AND ("hash" IS NULL) = ("prev_hash" IS NULL));--> statement-breakpoint
-- The one change the application may make: sealing a row once, leaving its content as written.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."hash" IS NULL AND NEW."hash" IS NOT NULL
     AND (NEW."id", NEW."at", NEW."request_id", NEW."user_id", NEW."agency_id", NEW."action",
          NEW."target_type", NEW."target_id", NEW."case_id", NEW."detail")
         IS NOT DISTINCT FROM
         (OLD."id", OLD."at", OLD."request_id", OLD."user_id", OLD."agency_id", OLD."action",
          OLD."target_type", OLD."target_id", OLD."case_id", OLD."detail")
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
