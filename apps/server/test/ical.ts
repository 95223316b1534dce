import ICAL from "ical.js";

/** Reads iCalendar text back with an independent parser, as a calendar program would. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: String(vevent.getFirstPropertyValue("url")),
      status: String(vevent.getFirstPropertyValue("status")),
    };
  });
  return { method: String(calendar.getFirstPropertyValue("method")), events };
}
