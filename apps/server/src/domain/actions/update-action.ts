import type { TActionStatus } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { conflict, forbidden, notFound } from "../../errors.ts";
import { canEditAction } from "../../policies/action-rules.ts";
import { notifyActionReassigned } from "../notifications/index.ts";
import { type ActionWriteChannel, describeActionEvent } from "./action-event.ts";
import { checkResponsibility, checkResponsiblePerson } from "./check-responsibility.ts";
import { findAccessibleAction } from "./find-action.ts";
import type { ActionActor, ActionChanges, ActionWriteResult } from "./types.ts";

export interface UpdateActionInput {
  actionId: string;
  title?: string;
  description?: string;
  responsibleAgencyId?: string;
  responsiblePersonId?: string | null;
  dueDate?: string | null;
  status?: TActionStatus;
  /** Omit only where the caller already serialises writers (the live document). */
  expectedVersion?: number;
  /** Where the change was made; listeners do not write a change back where it came from. */
  writtenVia?: ActionWriteChannel;
}

/**
 * Changes an action under its row lock: checks the edit rule and the version,
 * bumps the version and writes one history row with every field that changed.
 * A request that changes nothing writes nothing and returns `event: null`.
 */
export async function updateAction(
  db: Executor,
  actor: ActionActor,
  input: UpdateActionInput,
): Promise<ActionWriteResult> {
  return db.transaction(async (tx) => {
    const found = await findAccessibleAction(tx, actor.agencyId, input.actionId, { lock: true });
    if (!found) throw notFound("Action");
    const { action, access } = found;
    if (!canEditAction(actor.agencyId, action, access)) {
      throw forbidden(
        "not_responsible_for_action",
        "Only the responsible and the owning agency change this action; comment instead",
      );
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== action.version) {
      throw conflict("action_changed_meanwhile", "The action was changed in the meantime", {
        currentVersion: action.version,
      });
    }

    const agencyChanged =
      input.responsibleAgencyId !== undefined &&
      input.responsibleAgencyId !== action.responsibleAgencyId;
    // People belong to one agency, so a new agency without a named person means nobody in particular.
    const responsibleUserId =
      input.responsiblePersonId !== undefined
        ? input.responsiblePersonId
        : agencyChanged
          ? null
          : action.responsibleUserId;
    const next = {
      title: input.title ?? action.title,
      description: input.description ?? action.description,
      responsibleAgencyId: input.responsibleAgencyId ?? action.responsibleAgencyId,
      responsibleUserId,
      dueDate: input.dueDate !== undefined ? input.dueDate : action.dueDate,
      status: input.status ?? action.status,
    };
    if (agencyChanged) {
      await checkResponsibility(tx, action.caseId, next.responsibleAgencyId, responsibleUserId);
    } else if (responsibleUserId !== null && responsibleUserId !== action.responsibleUserId) {
      await checkResponsiblePerson(tx, next.responsibleAgencyId, responsibleUserId);
    }

    const changes: ActionChanges = {};
    for (const field of Object.keys(next) as (keyof typeof next)[]) {
      if (next[field] === action[field]) continue;
      const name = field === "responsibleUserId" ? "responsiblePersonId" : field;
      changes[name] = { from: action[field], to: next[field] };
    }
    if (Object.keys(changes).length === 0) return { action, changes, event: null };

    const now = new Date();
    const [updated] = await tx
      .update(schema.actions)
      .set({
        ...next,
        ...(changes.status ? { statusChangedAt: now, statusChangedBy: actor.userId } : {}),
        version: action.version + 1,
        updatedAt: now,
      })
      .where(and(eq(schema.actions.id, action.id), eq(schema.actions.version, action.version)))
      .returning();
    if (!updated) {
      throw conflict("action_changed_meanwhile", "The action was changed in the meantime");
    }
    await tx.insert(schema.actionEvents).values({
      actionId: action.id,
      actorId: actor.userId,
      agencyId: actor.agencyId,
      kind: "changed",
      changes,
    });
    const reassigned = Boolean(changes.responsibleAgencyId || changes.responsiblePersonId);
    const notifiedUserIds = reassigned
      ? await notifyActionReassigned(tx, updated, actor.userId)
      : [];
    const event = describeActionEvent("action.changed", updated, actor.userId, {
      writtenVia: input.writtenVia ?? "api",
      previous: { agencyId: action.responsibleAgencyId, userId: action.responsibleUserId },
      notifiedUserIds,
    });
    return { action: updated, changes, event };
  });
}
