/*
 * The words and limits every part of the platform shares, without zod: the
 * conference document and the personal-data guard run in the browser's editor
 * and import this entry point (`@runder-tisch/contracts/vocabulary`) to stay
 * light. The zod schemas of the API are built from the same lists.
 */

export const AGENCY_KINDS = [
  "auslaenderbehoerde",
  "einbuergerungsbehoerde",
  "kommunales_integrationszentrum",
  "kim_case_management",
  "jobcenter",
  "agentur_fuer_arbeit",
  "migrationsberatung",
  "schule",
  "kommune",
  "sonstige",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const USER_ROLES = ["member", "coordinator", "platform_admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Fields of action (Handlungsfelder) a case can touch. */
export const CASE_THEMES = [
  "residence",
  "identity_clarification",
  "language",
  "work",
  "training",
  "housing",
  "health",
  "family",
  "education",
  "mobility",
  "dealing_with_authorities",
  "finances",
] as const;
export type CaseTheme = (typeof CASE_THEMES)[number];

/**
 * A theme a Kreis added itself (docs/themes.md): "k_" and a slug, so it never collides
 * with the twelve above, whose keys stay valid forever (sealed minutes name them).
 */
export type CustomThemeKey = `k_${string}`;
/** Any theme key stored data may carry: one of the twelve or a Kreis's own. */
export type ThemeKey = CaseTheme | CustomThemeKey;

/** "k_" and a slug of lowercase letters, digits and "_": 40 characters at most. */
export const CUSTOM_THEME_KEY_PATTERN = /^k_[a-z0-9_]{1,38}$/;
/** Most themes a catalogue holds (the twelve and the Kreis's own); also the most per case. */
export const THEME_CATALOGUE_MAX = 60;

const defaultThemes: ReadonlySet<string> = new Set(CASE_THEMES);

export const isDefaultTheme = (value: string): value is CaseTheme => defaultThemes.has(value);

/** The form of a key only; whether the Kreis offers it is the catalogue's business. */
export function isThemeKey(value: unknown): value is ThemeKey {
  if (typeof value !== "string") return false;
  if (isDefaultTheme(value)) return true;
  return CUSTOM_THEME_KEY_PATTERN.test(value);
}

/**
 * Where a topic of the steering group (Lenkungsgruppe) stands: open, given to a working
 * group, passed to an existing body (named with it), decided, closed.
 */
export const STEERING_TOPIC_STATES = [
  "open",
  "working_group",
  "passed_on",
  "decided",
  "closed",
] as const;
export type SteeringTopicState = (typeof STEERING_TOPIC_STATES)[number];

/** Themes that by themselves reveal special-category data (GDPR Art. 9). */
export const SPECIAL_CATEGORY_THEMES: readonly ThemeKey[] = ["health"];

export const CASE_STATUSES = ["open", "closed"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const DATA_CATEGORIES = ["general", "special"] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const LEGAL_BASIS_KINDS = ["consent", "statute"] as const;
export type LegalBasisKind = (typeof LEGAL_BASIS_KINDS)[number];

export const CONSENT_FORMS = ["written", "electronic"] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** A referral asks another agency to join a case ("share") or to take it over ("transfer"). */
export const REFERRAL_KINDS = ["share", "transfer"] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

export const REFERRAL_STATUSES = ["pending", "accepted", "declined", "withdrawn"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** "cancelled" (abgesagt) leaves the lifecycle: only a planned conference can be called off. */
export const CONFERENCE_STATUSES = [
  "planned",
  "live",
  "concluded",
  "finalised",
  "cancelled",
] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

export const PARTICIPANT_ROLES = ["editor", "observer"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Still to do: what inboxes show by default, what can be overdue, what carries over. */
export const PENDING_ACTION_STATUSES: readonly ActionStatus[] = ["open", "in_progress"];
export const isActionPending = (status: ActionStatus): boolean =>
  PENDING_ACTION_STATUSES.includes(status);

/** Rows of an action's history. */
export const ACTION_EVENT_KINDS = ["created", "changed", "commented"] as const;

/**
 * How a person of an invited agency took part: in the room (or online), sent
 * apologies, or sent information in advance instead of attending.
 */
export const ATTENDANCE_KINDS = ["present", "apologised", "information_sent"] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];

/**
 * How an action carried over from earlier is reviewed at the next conference (as MARAC
 * panels do): done; still in progress with a new due date; not possible because the
 * circumstances changed (the action is cancelled); not done (stays open, with a note).
 */
export const ACTION_REVIEW_OUTCOMES = ["done", "in_progress", "not_possible", "not_done"] as const;
export type ActionReviewOutcome = (typeof ACTION_REVIEW_OUTCOMES)[number];
export type ActionEventKind = (typeof ACTION_EVENT_KINDS)[number];

/** Agenda of a Fallkonferenz, in its fixed order. */
export const CONFERENCE_AGENDA_TEMPLATE = [
  "case_presentation",
  "questions",
  "resources_and_obstacles",
  "goals",
  "actions",
  "next_review",
] as const;
export type AgendaItemKind = (typeof CONFERENCE_AGENDA_TEMPLATE)[number];

export const DISPUTE_TARGET_TYPES = ["case", "minutes", "action_comment"] as const;
export type DisputeTargetType = (typeof DISPUTE_TARGET_TYPES)[number];

/**
 * Why a sign-in through an identity provider came back without a session; the sign-in
 * page names it (the provider's own words are not shown: they may be anything).
 */
export const SIGN_IN_FAILURES = [
  /** The answer's state is unknown, used already, expired or from another browser. */
  "state_unknown",
  /** The provider said no (the person cancelled, or the provider refused). */
  "provider_refused",
  /** The provider's answer did not hold up (issuer, audience, nonce, signature, expiry). */
  "answer_invalid",
  /** The provider could not be reached. */
  "provider_unreachable",
  /** No agency this provider may assign matches the person's groups. */
  "no_agency",
  /** No account matches and this provider creates none (or names no e-mail address). */
  "no_account",
  /** The account is switched off, or its agency is. */
  "account_disabled",
] as const;
export type SignInFailure = (typeof SIGN_IN_FAILURES)[number];

/** What a person can be notified of (in the app, and by mail as they choose per kind). */
export const NOTIFICATION_KINDS = [
  /** A new action for me or my agency. */
  "action_assigned",
  /** An action passed to me or my agency by someone else. */
  "action_reassigned",
  "action_due_soon",
  "action_overdue",
  /** A comment on an action I am responsible for or wrote. */
  "action_commented",
  /** Someone named me (@) in a comment or in the conference notes. */
  "mentioned",
  "conference_scheduled",
  "conference_changed",
  "conference_cancelled",
  "conference_starting_soon",
  /** Coordinators: a concluded conference waits for its minutes to be finalised. */
  "conference_awaiting_minutes",
  /** After a revocation, an action has no owner that may still see the case. */
  "action_needs_owner",
  /** The owner: a sharing basis runs out soon. */
  "sharing_basis_expiring",
  /** Coordinators of an agency another agency asks to join or take over a case. */
  "referral_requested",
  /** The person who asked: the other agency accepted or declined. */
  "referral_accepted",
  "referral_declined",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a person gets a kind of notification by mail. */
export const MAIL_DELIVERIES = ["off", "immediately", "digest"] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

export const AUDIT_ACTIONS = [
  "list",
  "view",
  "create",
  "change",
  "delete",
  "export",
  "denied",
  "login",
  "logout",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Languages of the documents for the person concerned (goal agreement,
 * transparency sheet): German first, then the languages most asked for.
 * "fa" serves Farsi and Dari.
 */
export const CLIENT_LANGUAGES = ["de", "ar", "uk", "fa", "ti", "tr", "ru", "fr", "en"] as const;
export type ClientLanguage = (typeof CLIENT_LANGUAGES)[number];

/** What a prerequisite of a residence pathway is, as far as the checklist says (a working aid). */
export const PATHWAY_STATUSES = ["met", "not_met", "unclear", "not_applicable"] as const;
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];

/**
 * Where a pathway checklist stands, for the evaluation: every prerequisite met (or not
 * applicable), at least one not met, or still open (some unset or unclear).
 */
export const PATHWAY_OUTCOMES = ["all_met", "some_not_met", "open"] as const;
export type PathwayOutcome = (typeof PATHWAY_OUTCOMES)[number];

/** What an audit row is about; a data-protection officer filters by these. */
export const AUDIT_TARGET_TYPES = [
  "action",
  "action_comment",
  "action_plan",
  "agency",
  "agenda_template",
  "audit_log",
  "case",
  "conference",
  "conference_document",
  "dispute",
  "evaluation",
  "identity_record",
  "internal_note",
  "minutes",
  "pathway_checklist",
  "pathway_template",
  "referral",
  "retention_run",
  "secrecy_release",
  "session",
  "sharing_basis",
  "steering_group",
  "steering_topic",
  "systemic_action",
  "theme",
  "user",
  "working_group",
  "working_group_meeting",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

/** Every kind of personal data the guard looks for; the order is the order of the report. */
export const PII_KINDS = [
  "person_name",
  "birth_date",
  "phone",
  "email",
  "iban",
  "address",
  "file_number",
  "id_number",
] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** Longest texts, in characters; the API, the conference document and the forms check the same. */
export const TEXT_LIMITS = {
  actionTitle: 300,
  /** Descriptions, summaries, comments. */
  longText: 4000,
  /** Names of agencies, people and conferences. */
  name: 200,
  /** Reasons and notes on disputes, overrides, identity records. */
  reason: 2000,
  /** Purposes and scopes of sharing bases and secrecy releases. */
  purpose: 500,
  /** The longest note the personal-data guard checks in one request. */
  piiCheck: 100_000,
  /** The body of one version of the steering group's action plan (Handlungskonzept). */
  actionPlan: 100_000,
} as const;

export const PASSWORD_MIN_LENGTH = 12;

/**
 * Which rule refused the request, or one field of it. Clients translate these;
 * the English `message` beside them is for developers and logs only and may be
 * reworded at any time.
 */
export const ERROR_REASONS = [
  // The form of a field, as the shared zod schemas check it on both sides.
  "required",
  "too_short",
  "too_long",
  "too_many",
  "too_few",
  "too_small",
  "too_large",
  "invalid_email",
  "invalid_id",
  "invalid_date",
  "invalid_format",
  "invalid_character",
  "invalid_choice",
  "invalid_type",
  "unknown_field",
  "listed_twice",
  "nothing_to_change",
  "invalid",
  // Sharing bases and secrecy releases.
  "date_in_future",
  "ends_before_given",
  "agency_inactive",
  "agency_is_owner",
  "agency_unknown",
  "already_revoked",
  // Referrals and transfers.
  "agency_already_has_access",
  "referral_already_pending",
  "referral_not_pending",
  "not_asked_agency",
  // Conferences.
  "agencies_cannot_see_case",
  "conference_finalised",
  "conference_cancelled",
  "conference_already_finalised",
  "conclude_before_finalising",
  "finalise_through_minutes",
  "status_transition_not_allowed",
  "status_changed_meanwhile",
  "coordinator_only",
  "personal_data_found",
  // Residence pathway checklists.
  "pathway_unknown",
  "pathway_already_started",
  "prerequisite_unknown",
  "prerequisite_not_unmet",
  "owner_or_immigration_office_only",
  "immigration_office_only",
  "not_template_editor",
  // Actions.
  "action_changed_meanwhile",
  "not_responsible_for_action",
  "observer_cannot_add_action",
  "conference_of_other_case",
  "case_or_conference_required",
  "owner_only",
  "responsible_agency_cannot_see_case",
  "responsible_person_not_member",
  "mentioned_person_cannot_see_case",
  "action_entry_incomplete",
  "action_id_invalid",
  "note_required",
  "due_date_required",
  "action_not_carried_over",
  "observer_cannot_review",
  "not_comment_author",
  "confidentiality_required",
  "comment_already_withdrawn",
  "conference_already_begun",
  "not_later",
  "observer_cannot_edit",
  // Retention and disputes.
  "already_disputed",
  "not_disputed",
  "platform_admin_only",
  // Evaluation.
  "period_ends_before_start",
  "period_too_long",
  // People and sign-in.
  "email_taken",
  "password_public",
  "cannot_disable_self",
  "other_agency",
  "role_not_assignable",
  "agency_switched_off",
  "password_sign_in_off",
  "second_factor_required",
  "second_factor_invalid",
  "second_factor_setup_required",
  "second_factor_not_started",
  "second_factor_required_for_role",
  // The steering group.
  "invalid_period",
  "passed_to_required",
  "user_unknown",
  // Working groups.
  "meeting_closed",
  "topic_not_in_group",
  // The action plan: someone saved a newer version since the editor started from theirs.
  "version_conflict",
  // The theme catalogue.
  "unknown_theme",
  "theme_label_taken",
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** How far a working group has got with a topic the steering group gave it. */
export const WORKING_GROUP_TOPIC_PROGRESS = ["not_started", "in_progress", "result_ready"] as const;
export type WorkingGroupTopicProgress = (typeof WORKING_GROUP_TOPIC_PROGRESS)[number];

/** A working-group meeting's document is edited while the meeting is open, then kept read-only. */
export const WORKING_GROUP_MEETING_STATES = ["open", "closed"] as const;
export type WorkingGroupMeetingState = (typeof WORKING_GROUP_MEETING_STATES)[number];
