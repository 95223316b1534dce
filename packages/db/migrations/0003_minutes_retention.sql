CREATE TABLE "minutes_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"override_reason" text,
	"finalised_by" uuid,
	"finalised_by_agency_id" uuid,
	"finalised_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"raised_by" uuid,
	"raised_by_agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	"lift_note" text
);
--> statement-breakpoint
CREATE TABLE "evaluation_counts" (
	"year" integer NOT NULL,
	"theme" text NOT NULL,
	"agency_kind" text NOT NULL,
	"cases" integer DEFAULT 0 NOT NULL,
	"conferences" integer DEFAULT 0 NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	"actions_done" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "evaluation_counts_year_theme_agency_kind_pk" PRIMARY KEY("year","theme","agency_kind")
);
--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_finalised_by_agency_id_agencies_id_fk" FOREIGN KEY ("finalised_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_raised_by_agency_id_agencies_id_fk" FOREIGN KEY ("raised_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "minutes_versions_conference_version_unique" ON "minutes_versions" USING btree ("conference_id","version");--> statement-breakpoint
CREATE INDEX "minutes_versions_case_idx" ON "minutes_versions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disputes_case_idx" ON "disputes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disputes_target_idx" ON "disputes" USING btree ("target_type","target_id");--> statement-breakpoint
-- Finalised minutes are immutable. The one exception is the retention job: it
-- names the case it deletes in a transaction-local setting, and only rows of
-- that case may go. A pooled connection cannot carry the setting into another
-- transaction, and no other code path sets it.
CREATE FUNCTION minutes_versions_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE'
    AND OLD.case_id::text = coalesce(current_setting('runder_tisch.retention_case', true), '') THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'minutes_versions is immutable (only the retention job deletes, case by case)';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER minutes_versions_immutable
  BEFORE UPDATE OR DELETE ON minutes_versions
  FOR EACH ROW EXECUTE FUNCTION minutes_versions_refuse_change();
