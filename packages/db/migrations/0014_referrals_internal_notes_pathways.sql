CREATE TABLE "internal_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"pathway_key" text NOT NULL,
	"template_id" uuid NOT NULL,
	"started_by" uuid,
	"started_by_agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_checklists_case_pathway" UNIQUE("case_id","pathway_key")
);
--> statement-breakpoint
CREATE TABLE "pathway_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checklist_id" uuid NOT NULL,
	"prerequisite_key" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_statuses" (
	"checklist_id" uuid NOT NULL,
	"prerequisite_key" text NOT NULL,
	"status" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"set_by" uuid,
	"set_by_agency_id" uuid NOT NULL,
	"action_id" uuid,
	CONSTRAINT "pathway_statuses_checklist_id_prerequisite_key_pk" PRIMARY KEY("checklist_id","prerequisite_key")
);
--> statement-breakpoint
CREATE TABLE "pathway_template_editors" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"named_by" uuid,
	"named_by_agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pathway_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pathway_key" text NOT NULL,
	"version" integer NOT NULL,
	"norm" text NOT NULL,
	"title_de" text NOT NULL,
	"title_en" text NOT NULL,
	"prerequisites" jsonb NOT NULL,
	"created_by" uuid,
	"agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_templates_key_version" UNIQUE("pathway_key","version")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_agency_id" uuid NOT NULL,
	"to_agency_id" uuid NOT NULL,
	"purpose" text,
	"categories" text[],
	"legal_basis" text,
	"consent_form" text,
	"consent_given_on" date,
	"consent_text_version" text,
	"statute_norm" text,
	"valid_until" date,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"sharing_basis_id" uuid,
	CONSTRAINT "referrals_share_has_basis" CHECK ("referrals"."kind" <> 'share' or "referrals"."legal_basis" is not null)
);
--> statement-breakpoint
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_checklists" ADD CONSTRAINT "pathway_checklists_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_checklists" ADD CONSTRAINT "pathway_checklists_template_id_pathway_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."pathway_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_checklists" ADD CONSTRAINT "pathway_checklists_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_checklists" ADD CONSTRAINT "pathway_checklists_started_by_agency_id_agencies_id_fk" FOREIGN KEY ("started_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_status_events" ADD CONSTRAINT "pathway_status_events_checklist_id_pathway_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."pathway_checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_status_events" ADD CONSTRAINT "pathway_status_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_status_events" ADD CONSTRAINT "pathway_status_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_statuses" ADD CONSTRAINT "pathway_statuses_checklist_id_pathway_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."pathway_checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_statuses" ADD CONSTRAINT "pathway_statuses_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_statuses" ADD CONSTRAINT "pathway_statuses_set_by_agency_id_agencies_id_fk" FOREIGN KEY ("set_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_statuses" ADD CONSTRAINT "pathway_statuses_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_template_editors" ADD CONSTRAINT "pathway_template_editors_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_template_editors" ADD CONSTRAINT "pathway_template_editors_named_by_users_id_fk" FOREIGN KEY ("named_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_template_editors" ADD CONSTRAINT "pathway_template_editors_named_by_agency_id_agencies_id_fk" FOREIGN KEY ("named_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_templates" ADD CONSTRAINT "pathway_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_templates" ADD CONSTRAINT "pathway_templates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_agency_id_agencies_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sharing_basis_id_sharing_bases_id_fk" FOREIGN KEY ("sharing_basis_id") REFERENCES "public"."sharing_bases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "internal_notes_case_agency_idx" ON "internal_notes" USING btree ("case_id","agency_id");--> statement-breakpoint
CREATE INDEX "pathway_checklists_pathway_idx" ON "pathway_checklists" USING btree ("pathway_key");--> statement-breakpoint
CREATE INDEX "pathway_status_events_checklist_idx" ON "pathway_status_events" USING btree ("checklist_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referrals_to_agency_idx" ON "referrals" USING btree ("to_agency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_one_pending" ON "referrals" USING btree ("case_id","to_agency_id") WHERE "referrals"."status" = 'pending';