CREATE TABLE "action_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"new_due_date" date,
	"reviewed_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_reviews_conference_action_key" UNIQUE("conference_id","action_id")
);
--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "follows_conference_id" uuid;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "location" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "video_link" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "duration_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "action_reviews" ADD CONSTRAINT "action_reviews_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reviews" ADD CONSTRAINT "action_reviews_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reviews" ADD CONSTRAINT "action_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_reviews" ADD CONSTRAINT "action_reviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_reviews_action_idx" ON "action_reviews" USING btree ("action_id");--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_follows_conference_id_conferences_id_fk" FOREIGN KEY ("follows_conference_id") REFERENCES "public"."conferences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conferences_follows_key" ON "conferences" USING btree ("follows_conference_id");