import type { TActionStatus } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { notifyActionAssigned } from "../notifications/index.ts";
import { type ActionWriteChannel, describeActionEvent } from "./action-event.ts";
import { type ActionOrigin, authorizeActionCreation } from "./authorize-creation.ts";
import { checkResponsibility } from "./check-responsibility.ts";
import type { ActionActor, ActionChanges, ActionWriteResult } from "./types.ts";

export interface CreateActionInput extends ActionOrigin {
  /** The live document names its actions itself; the row then keeps that id. */
  id?: string;
  title: string;
  description?: string;
  responsibleAgencyId: string;
  responsiblePersonId?: string | null;
  dueDate?: string | null;
  /** An action entered in the live document may already be done when it is first stored. */
  status?: TActionStatus;
  /** Where the change was made; listeners do not write a change back where it came from. */
  writtenVia?: ActionWriteChannel;
}

/**
 * Adds an action to a case, from a conference or on its own. Shared by the REST
 * route and the live conference document; the caller publishes `event` after
 * this returns, i.e. after commit.
 */
export async function createAction(
  db: Executor,
  actor: ActionActor,
  input: CreateActionInput,
): Promise<ActionWriteResult> {
  return db.transaction(async (tx) => {
    const { caseId, conferenceId } = await authorizeActionCreation(tx, actor.agencyId, input);
    const responsibleUserId = input.responsiblePersonId ?? null;
    const status = input.status ?? "open";
    await checkResponsibility(tx, caseId, input.responsibleAgencyId, responsibleUserId);
    const [action] = await tx
      .insert(schema.actions)
      .values({
        ...(input.id ? { id: input.id } : {}),
        caseId,
        conferenceId,
        title: input.title,
        description: input.description ?? "",
        responsibleAgencyId: input.responsibleAgencyId,
        responsibleUserId,
        dueDate: input.dueDate ?? null,
        status,
        ...(status !== "open"
          ? { statusChangedAt: new Date(), statusChangedBy: actor.userId }
          : {}),
        createdBy: actor.userId,
      })
      .returning();
    if (!action) throw new Error("action insert returned nothing");
    // The history starts with the values the action was created with.
    const changes: ActionChanges = {
      title: { from: null, to: action.title },
      responsibleAgencyId: { from: null, to: action.responsibleAgencyId },
      status: { from: null, to: action.status },
      ...(action.description ? { description: { from: null, to: action.description } } : {}),
      ...(action.responsibleUserId
        ? { responsiblePersonId: { from: null, to: action.responsibleUserId } }
        : {}),
      ...(action.dueDate ? { dueDate: { from: null, to: action.dueDate } } : {}),
    };
    await tx.insert(schema.actionEvents).values({
      actionId: action.id,
      actorId: actor.userId,
      agencyId: actor.agencyId,
      kind: "created",
      changes,
    });
    // In this transaction, whichever path created the action (route or live document).
    const notifiedUserIds = await notifyActionAssigned(tx, action, actor.userId);
    const event = describeActionEvent("action.created", action, actor.userId, {
      writtenVia: input.writtenVia ?? "api",
      notifiedUserIds,
    });
    return { action, changes, event };
  });
}
