import { schema } from "@runder-tisch/db";
import { describe, expect, it } from "vitest";
import { buildConferenceScenario } from "../../../test/builders.ts";
import { parseCalendar } from "../../../test/ical.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { conferenceCalendar } from "../../calendar/conference-calendar.ts";

const ctx = useTestApp({ PUBLIC_URL: "https://rt.example" });

const SECRET = {
  title: "Geheimtitel Familie Zylinski",
  agenda: "Tagesordnung Zylinski Schulden",
  identity: "Zyprian Zylinski",
  note: "Vermerk Zylinski Sucht",
};

async function scenarioWithCaseContent() {
  const scheduledAt = new Date("2031-03-04T09:30:00.000Z");
  const scenario = await buildConferenceScenario(ctx, {
    conferenceValues: {
      title: SECRET.title,
      scheduledAt,
      durationMinutes: 90,
      location: "Rathaus, Raum 204",
      videoLink: "https://video.example/raum-204",
    },
  });
  await ctx.db
    .insert(schema.agendaItems)
    .values({ conferenceId: scenario.conference.id, position: 1, title: SECRET.agenda });
  const identity = await scenario.owner.session.put(`/api/cases/${scenario.caseRow.id}/identity`, {
    name: SECRET.identity,
    note: SECRET.note,
  });
  expect(identity.statusCode).toBe(200);
  return { ...scenario, scheduledAt };
}

const icsUrl = (conferenceId: string) => `/api/conferences/${conferenceId}/calendar.ics`;

describe("a conference as an invitation", () => {
  it("parses, and names only the case code, the time, the place and a link", async () => {
    const { partner, conference, caseRow, scheduledAt } = await scenarioWithCaseContent();
    const response = await partner.session.get(icsUrl(conference.id));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/calendar/);
    for (const secret of Object.values(SECRET)) expect(response.body).not.toContain(secret);
    expect(response.body).not.toContain("Zylinski");

    const parsed = parseCalendar(response.body);
    expect(parsed.method).toBe("REQUEST");
    expect(parsed.events).toHaveLength(1);
    const [event] = parsed.events;
    expect(event?.uid).toBe(`${conference.id}@runder-tisch`);
    expect(event?.sequence).toBe(0);
    expect(event?.start.toISOString()).toBe(scheduledAt.toISOString());
    expect(event?.end.toISOString()).toBe("2031-03-04T11:00:00.000Z");
    expect(event?.summary).toBe(`Fallkonferenz ${caseRow.code}`);
    expect(event?.url).toBe(`https://rt.example/konferenzen/${conference.id}`);
    expect(event?.description).toContain(`https://rt.example/konferenzen/${conference.id}`);
    expect(event?.location).toContain("Rathaus, Raum 204");
    expect(event?.location).toContain("https://video.example/raum-204");
    expect(event?.status).toBe("CONFIRMED");
  });

  it("counts SEQUENCE up when the date, length, place or video link changes, not the title", async () => {
    const { owner, partner, conference } = await scenarioWithCaseContent();
    const sequence = async () =>
      parseCalendar((await partner.session.get(icsUrl(conference.id))).body).events[0]?.sequence;
    const patch = (body: object) => owner.session.patch(`/api/conferences/${conference.id}`, body);

    expect((await patch({ title: "Anderer Titel" })).statusCode).toBe(200);
    expect(await sequence()).toBe(0);
    const moved = new Date("2031-03-05T08:00:00.000Z");
    expect((await patch({ scheduledAt: moved.toISOString() })).statusCode).toBe(200);
    expect(await sequence()).toBe(1);
    const event = parseCalendar((await partner.session.get(icsUrl(conference.id))).body).events[0];
    expect(event?.start.toISOString()).toBe(moved.toISOString());
    // The same date again is no change a calendar has to learn of.
    expect((await patch({ scheduledAt: moved.toISOString() })).statusCode).toBe(200);
    expect(await sequence()).toBe(1);
    expect((await patch({ durationMinutes: 45 })).statusCode).toBe(200);
    expect((await patch({ location: "Jugendamt, Raum 3" })).statusCode).toBe(200);
    expect((await patch({ videoLink: "" })).statusCode).toBe(200);
    expect(await sequence()).toBe(4);
  });

  it("answers an agency that is not invited exactly like a missing conference", async () => {
    const { outsider, conference } = await scenarioWithCaseContent();
    const refused = await outsider.session.get(icsUrl(conference.id));
    expect(refused.statusCode).toBe(404);
    const missing = await outsider.session.get(icsUrl("00000000-0000-4000-8000-000000000000"));
    expect(missing.statusCode).toBe(404);
    expect(refused.json().code).toBe(missing.json().code);
  });

  it("a called-off conference goes out as METHOD:CANCEL with STATUS:CANCELLED", () => {
    const text = conferenceCalendar({
      conferences: [
        {
          id: "c1",
          caseCode: "RT-2031-0001",
          scheduledAt: new Date("2031-01-01T10:00:00.000Z"),
          durationMinutes: 60,
          location: "",
          videoLink: "",
          status: "cancelled",
          calendarSequence: 3,
        },
      ],
      method: "CANCEL",
      publicUrl: "https://rt.example/",
      language: "en",
    });
    const parsed = parseCalendar(text);
    expect(parsed.method).toBe("CANCEL");
    expect(parsed.events[0]?.status).toBe("CANCELLED");
    expect(parsed.events[0]?.sequence).toBe(3);
    expect(parsed.events[0]?.summary).toBe("Case conference RT-2031-0001");
    expect(parsed.events[0]?.url).toBe("https://rt.example/konferenzen/c1");
  });
});
