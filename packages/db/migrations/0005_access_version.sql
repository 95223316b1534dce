CREATE TABLE "access_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"value" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "access_version_single_row" CHECK ("access_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "access_version" ("id", "value") VALUES (1, 0);--> statement-breakpoint
-- Counted up in the transaction of the change, so a node that reads a new value also
-- reads the change. Statement-level: one count per statement, however many rows.
CREATE FUNCTION access_version_count_up() RETURNS trigger AS $$
BEGIN
  UPDATE "access_version" SET "value" = "value" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER sharing_bases_access AFTER UPDATE OF "revoked_at", "valid_until", "categories", "agency_id" OR DELETE
  ON "sharing_bases" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER users_access AFTER UPDATE OF "disabled_at", "agency_id", "role" OR DELETE
  ON "users" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER agencies_access AFTER UPDATE OF "active" OR DELETE
  ON "agencies" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER sessions_access AFTER UPDATE OF "revoked_at", "expires_at" OR DELETE
  ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER conference_participants_access AFTER UPDATE OF "role", "agency_id" OR DELETE
  ON "conference_participants" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER conferences_access AFTER UPDATE OF "status" OR DELETE
  ON "conferences" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();--> statement-breakpoint
CREATE TRIGGER cases_access AFTER UPDATE OF "owner_agency_id" OR DELETE
  ON "cases" FOR EACH STATEMENT EXECUTE FUNCTION access_version_count_up();
