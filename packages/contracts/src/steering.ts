import { z } from "zod";
import {
  text,
  trimmedText,
  ZAgencyRef,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZNotPersonalDataReason,
  ZUserRef,
} from "./common.ts";
import { ZCaseTheme } from "./enums.ts";
import { withReason } from "./problems.ts";
import { STEERING_TOPIC_STATES, TEXT_LIMITS } from "./vocabulary.ts";

/*
 * The steering group (Lenkungsgruppe): people from several agencies a platform admin
 * names. It sees obstacles only as counts per theme, and the descriptions of a theme
 * only once enough distinct cases name it (docs/steering.md).
 */

export const ZSteeringMember = z.object({
  user: ZUserRef,
  agency: ZAgencyRef,
  addedAt: ZIsoDateTime,
});
export type TSteeringMember = z.infer<typeof ZSteeringMember>;

export const ZSteeringMemberList = z.object({ members: z.array(ZSteeringMember) });
export type TSteeringMemberList = z.infer<typeof ZSteeringMemberList>;

export const ZAddSteeringMemberRequest = z.object({ userId: ZId });
export type TAddSteeringMemberRequest = z.infer<typeof ZAddSteeringMemberRequest>;

export const ZSteeringMemberParams = z.object({ userId: ZId });

/**
 * Whether the signed-in person belongs to the steering group, and to any working group
 * (for showing those pages in the navigation).
 */
export const ZSteeringMembership = z.object({ member: z.boolean(), workingGroups: z.boolean() });
export type TSteeringMembership = z.infer<typeof ZSteeringMembership>;

/** The period of finalised minutes to count; both days included, either end open. */
export const ZSteeringThemesQuery = z
  .object({ from: ZIsoDate.optional(), to: ZIsoDate.optional() })
  .refine(
    (value) => !value.from || !value.to || value.from <= value.to,
    withReason("The period ends before it starts", "invalid_period"),
  );
export type TSteeringThemesQuery = z.infer<typeof ZSteeringThemesQuery>;

/**
 * One theme of the obstacle count. Below the threshold nothing about it is told: not
 * how many cases, not what they said, so a single case cannot be recognised.
 */
export const ZSteeringTheme = z.discriminatedUnion("shown", [
  z.object({
    theme: ZCaseTheme,
    shown: z.literal(true),
    /** Distinct cases whose finalised minutes name the theme in the period. */
    caseCount: z.number().int(),
    obstacles: z.array(z.object({ description: z.string(), proposedFix: z.string().nullable() })),
  }),
  z.object({ theme: ZCaseTheme, shown: z.literal(false) }),
]);
export type TSteeringTheme = z.infer<typeof ZSteeringTheme>;

export const ZSteeringThemesResponse = z.object({
  /** k: how many distinct cases a theme needs before it is shown. */
  threshold: z.number().int(),
  from: ZIsoDate.nullable(),
  to: ZIsoDate.nullable(),
  themes: z.array(ZSteeringTheme),
});
export type TSteeringThemesResponse = z.infer<typeof ZSteeringThemesResponse>;

export const ZSteeringTopicState = z.enum(STEERING_TOPIC_STATES);
export type TSteeringTopicState = z.infer<typeof ZSteeringTopicState>;

export const ZSteeringDecision = z.object({
  id: ZId,
  text: z.string(),
  decidedBy: ZUserRef.nullable(),
  decidedAt: ZIsoDateTime,
});
export type TSteeringDecision = z.infer<typeof ZSteeringDecision>;

export const ZSteeringTopic = z.object({
  id: ZId,
  title: z.string(),
  theme: ZCaseTheme,
  description: z.string(),
  state: ZSteeringTopicState,
  /** The existing body it was passed to, in the state "passed_on"; null otherwise. */
  passedTo: z.string().nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  decisions: z.array(ZSteeringDecision),
});
export type TSteeringTopic = z.infer<typeof ZSteeringTopic>;

export const ZSteeringTopicList = z.object({ topics: z.array(ZSteeringTopic) });
export type TSteeringTopicList = z.infer<typeof ZSteeringTopicList>;

export const ZCreateSteeringTopicRequest = z.object({
  title: trimmedText(TEXT_LIMITS.name),
  theme: ZCaseTheme,
  description: text(TEXT_LIMITS.longText).default(""),
});
export type TCreateSteeringTopicRequest = z.input<typeof ZCreateSteeringTopicRequest>;

/** A topic passed on names the body it went to; no other state carries a name. */
export const ZSetSteeringTopicStateRequest = z
  .object({
    state: ZSteeringTopicState,
    passedTo: trimmedText(TEXT_LIMITS.name).optional(),
  })
  .refine(
    (value) => (value.state === "passed_on") === (value.passedTo !== undefined),
    withReason("Name the body exactly when the topic is passed on", "passed_to_required"),
  );
export type TSetSteeringTopicStateRequest = z.infer<typeof ZSetSteeringTopicStateRequest>;

export const ZRecordSteeringDecisionRequest = z.object({
  text: trimmedText(TEXT_LIMITS.longText),
});
export type TRecordSteeringDecisionRequest = z.infer<typeof ZRecordSteeringDecisionRequest>;

/**
 * An obstacle as the room writes it into the conference document: a theme, what stood in
 * the way (without names), and what would remove it for everyone, if anyone knows.
 */
export const ZConferenceObstacleInput = z.object({
  theme: ZCaseTheme,
  description: trimmedText(TEXT_LIMITS.purpose),
  proposedFix: text(TEXT_LIMITS.purpose).default(""),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
});
export type TConferenceObstacleInput = z.input<typeof ZConferenceObstacleInput>;
