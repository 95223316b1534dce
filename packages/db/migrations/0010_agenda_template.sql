CREATE TABLE "agenda_template_items" (
	"position" integer PRIMARY KEY NOT NULL,
	"kind" text,
	"title" text,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agenda_template_items_kind_or_title" CHECK ("agenda_template_items"."kind" is not null or "agenda_template_items"."title" is not null)
);
--> statement-breakpoint
ALTER TABLE "agenda_items" ALTER COLUMN "kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "agenda_template_items" ADD CONSTRAINT "agenda_template_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_kind_or_title" CHECK ("agenda_items"."kind" is not null or "agenda_items"."title" is not null);