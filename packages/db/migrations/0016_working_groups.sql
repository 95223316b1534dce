CREATE TABLE "systemic_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"working_group_id" uuid NOT NULL,
	"topic_id" uuid,
	"text" text NOT NULL,
	"owner_agency_id" uuid NOT NULL,
	"due_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_group_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"working_group_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_group_members" (
	"working_group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "working_group_members_working_group_id_user_id_pk" PRIMARY KEY("working_group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "working_group_topics" (
	"topic_id" uuid PRIMARY KEY NOT NULL,
	"working_group_id" uuid NOT NULL,
	"progress" text DEFAULT 'not_started' NOT NULL,
	"result" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "systemic_actions" ADD CONSTRAINT "systemic_actions_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systemic_actions" ADD CONSTRAINT "systemic_actions_topic_id_steering_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."steering_topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systemic_actions" ADD CONSTRAINT "systemic_actions_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systemic_actions" ADD CONSTRAINT "systemic_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systemic_actions" ADD CONSTRAINT "systemic_actions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_meetings" ADD CONSTRAINT "working_group_meetings_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_meetings" ADD CONSTRAINT "working_group_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_members" ADD CONSTRAINT "working_group_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_topics" ADD CONSTRAINT "working_group_topics_topic_id_steering_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."steering_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_topics" ADD CONSTRAINT "working_group_topics_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_topics" ADD CONSTRAINT "working_group_topics_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_groups" ADD CONSTRAINT "working_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "systemic_actions_owner_idx" ON "systemic_actions" USING btree ("owner_agency_id","status");--> statement-breakpoint
CREATE INDEX "systemic_actions_group_idx" ON "systemic_actions" USING btree ("working_group_id");--> statement-breakpoint
CREATE INDEX "working_group_meetings_group_idx" ON "working_group_meetings" USING btree ("working_group_id","starts_at");--> statement-breakpoint
CREATE INDEX "working_group_members_user_idx" ON "working_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "working_group_topics_group_idx" ON "working_group_topics" USING btree ("working_group_id");--> statement-breakpoint
-- A working group grants its meeting documents to its members: taking someone out or
-- closing a meeting changes who may edit, so open sockets on every node are re-checked.
CREATE TRIGGER working_group_members_access AFTER DELETE
  ON "working_group_members" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER working_group_meetings_access AFTER UPDATE OF "state" OR DELETE
  ON "working_group_meetings" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER working_groups_access AFTER DELETE
  ON "working_groups" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();
