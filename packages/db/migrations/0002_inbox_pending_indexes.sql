-- The inbox lists an agency's (or a person's) pending actions by due date. These
-- partial indexes hand them over already in that order, so a page reads a few
-- hundred index entries instead of sorting every pending action of the agency.
CREATE INDEX "actions_inbox_agency_pending_idx" ON "actions" ("responsible_agency_id", "due_date" ASC NULLS LAST, "created_at", "id") INCLUDE ("case_id") WHERE "status" IN ('open', 'in_progress');
--> statement-breakpoint
CREATE INDEX "actions_inbox_user_pending_idx" ON "actions" ("responsible_user_id", "due_date" ASC NULLS LAST, "created_at", "id") INCLUDE ("case_id") WHERE "status" IN ('open', 'in_progress');
