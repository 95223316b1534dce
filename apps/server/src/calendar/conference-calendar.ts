import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/**
 * What a calendar entry may know of a conference. Deliberately no title, agenda or notes:
 * an invitation leaves the app (mail servers, phones, shared calendars), so it names the
 * case only by its code and links back to the app, where access is checked again.
 */
export interface CalendarConference {
  id: string;
  caseCode: string;
  scheduledAt: Date;
  durationMinutes: number;
  /** A room or an address: where people go, not data about the client. */
  location: string;
  videoLink: string;
  status: string;
  calendarSequence: number;
}

export type CalendarMethod = "REQUEST" | "CANCEL" | "PUBLISH";

export interface ConferenceCalendarInput {
  conferences: CalendarConference[];
  method: CalendarMethod;
  /** The app's public address, without a trailing slash needed. */
  publicUrl: string;
  language?: "de" | "en";
}

const METHODS: Record<CalendarMethod, ICalCalendarMethod> = {
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
  PUBLISH: ICalCalendarMethod.PUBLISH,
};

const WORDS = {
  de: { summary: "Fallkonferenz", link: "Zur Konferenz in Runder Tisch", calendar: "Runder Tisch" },
  en: {
    summary: "Case conference",
    link: "Open the conference in Runder Tisch",
    calendar: "Runder Tisch",
  },
} as const;

/** Stable across every invitation and feed, so calendars update an entry instead of adding one. */
export const conferenceUid = (conferenceId: string) => `${conferenceId}@runder-tisch`;

export const conferencePageUrl = (publicUrl: string, conferenceId: string) =>
  `${publicUrl.replace(/\/+$/, "")}/konferenzen/${conferenceId}`;

/** An invitation asks to keep the date, or, for a called-off conference, to drop it. */
export const invitationMethod = (status: string): "REQUEST" | "CANCEL" =>
  status === "cancelled" ? "CANCEL" : "REQUEST";

/** RFC 5545 text for invitations (REQUEST, CANCEL) and the personal feed (PUBLISH). */
export function conferenceCalendar(input: ConferenceCalendarInput): string {
  const words = WORDS[input.language ?? "de"];
  const calendar = ical({
    prodId: {
      company: "Runder Tisch",
      product: "Runder Tisch",
      language: input.language === "en" ? "EN" : "DE",
    },
    method: METHODS[input.method],
    name: words.calendar,
  });
  for (const conference of input.conferences) {
    const link = conferencePageUrl(input.publicUrl, conference.id);
    const cancelled = input.method === "CANCEL" || conference.status === "cancelled";
    calendar.createEvent({
      id: conferenceUid(conference.id),
      sequence: conference.calendarSequence,
      // Times go out in UTC: every calendar shows them in its own zone, and no
      // VTIMEZONE rules have to be kept up to date here.
      start: conference.scheduledAt,
      end: new Date(conference.scheduledAt.getTime() + conference.durationMinutes * 60_000),
      summary: `${words.summary} ${conference.caseCode}`,
      url: link,
      description: `${words.link}: ${link}`,
      location:
        [conference.location, conference.videoLink].filter((part) => part !== "").join(" – ") ||
        null,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
