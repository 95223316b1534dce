import { type Dismissal, dismissalKey, readDismissals } from "@runder-tisch/conference-doc";
import type { TFinaliseConferenceRequest, TTextFinding } from "@runder-tisch/contracts";
import { schema, type Transaction } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { CollabServer } from "../../collab/index.ts";
import { conflict, invalidTransition, notFound, unprocessable } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import type { CaseRow } from "../../policies/case-access.ts";
import type { ConferenceRow } from "../../policies/conference-access.ts";
import { canFinaliseFrom, mayFinaliseDespite } from "../../policies/minutes-rules.ts";
import { documentTexts } from "./document-texts.ts";
import { sealMinutes } from "./seal-minutes.ts";
import { type CheckText, findPersonalData, type LocatedText } from "./text-guard.ts";

export interface FinaliseDependencies {
  /**
   * Runs the storing step in one transaction; the caller records its audit
   * rows there too, so the minutes and their audit entries commit together.
   */
  transact(write: (tx: Transaction) => Promise<FinaliseResult>): Promise<FinaliseResult>;
  collab: CollabServer;
  checkText: CheckText;
  /** Lets pending document → table action projections finish while the conference may still take them. */
  settleActions: () => Promise<void>;
  /** Called when finalising fails after the sockets were frozen, to give editors their rights back. */
  unfreeze: () => void;
  /** Free texts outside the document that also go into the minutes (review notes). */
  reviewTexts: () => Promise<LocatedText[]>;
}

export interface FinaliseResult {
  conference: ConferenceRow;
  minutes: schema.MinutesVersionRow;
  findings: TTextFinding[];
  /** Findings someone in the room said are not personal data, with who and why. */
  dismissed: Dismissal[];
  /** The Wiedervorlage conference planned with it, if the minutes name a later review day. */
  followUp: ConferenceRow | null;
}

/**
 * Freezes the live document, checks its text with the PII guard and, in one
 * transaction, stores the immutable minutes and marks the conference finalised.
 */
export async function finaliseConference(
  deps: FinaliseDependencies,
  subject: { actor: Actor; conference: ConferenceRow; caseRow: CaseRow },
  input: TFinaliseConferenceRequest,
  now: Date = new Date(),
): Promise<FinaliseResult> {
  ensureFinalisable(subject.conference.status);
  // Read-only first, so the text we check is exactly the text we store.
  deps.collab.makeReadOnly((info) => info.documentName === subject.conference.id);
  try {
    await deps.settleActions();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await deps.collab.encodeState(subject.conference.id));
    const texts = [...documentTexts(doc), ...(await deps.reviewTexts())];
    // What someone in the room dismissed with a reason stops nobody; the audit names it.
    const dismissals = new Map(readDismissals(doc).map((entry) => [dismissalKey(entry), entry]));
    const dismissed = new Map<string, Dismissal>();
    const findings = findPersonalData(texts, deps.checkText).filter((finding) => {
      const dismissal = dismissals.get(dismissalKey({ kind: finding.kind, text: finding.excerpt }));
      if (dismissal) dismissed.set(dismissalKey(dismissal), dismissal);
      return !dismissal;
    });
    if (!mayFinaliseDespite(findings.length, input.overrideReason)) {
      throw unprocessable(
        "personal_data_found",
        "The minutes may contain personal data. Remove it, or give a reason to finalise anyway",
        { findings },
      );
    }
    const override =
      findings.length > 0 && input.overrideReason
        ? { reason: input.overrideReason, findings }
        : null;
    return await deps.transact(async (tx) => {
      const [locked] = await tx
        .select()
        .from(schema.conferences)
        .where(eq(schema.conferences.id, subject.conference.id))
        .for("update");
      if (!locked) throw notFound("Conference");
      ensureFinalisable(locked.status);
      const { conference, minutes, followUp } = await sealMinutes(
        tx,
        { actor: subject.actor, conference: locked, caseRow: subject.caseRow, doc },
        { nextReviewOn: input.nextReviewOn, override },
        now,
      );
      return { conference, minutes, findings, dismissed: [...dismissed.values()], followUp };
    });
  } catch (error) {
    deps.unfreeze();
    throw error;
  }
}

function ensureFinalisable(status: string): void {
  if (status === "finalised") {
    throw conflict("conference_already_finalised", "The conference is already finalised");
  }
  if (!canFinaliseFrom(status)) {
    throw invalidTransition(
      "conclude_before_finalising",
      `A ${status} conference cannot be finalised; conclude it first`,
    );
  }
}
