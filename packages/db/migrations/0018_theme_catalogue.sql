CREATE TABLE "themes" (
	"key" text PRIMARY KEY NOT NULL,
	"label_de" text,
	"label_en" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "themes_custom_has_label" CHECK ("themes"."key" not like 'k\_%' or "themes"."label_de" is not null)
);
--> statement-breakpoint
ALTER TABLE "themes" ADD CONSTRAINT "themes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;