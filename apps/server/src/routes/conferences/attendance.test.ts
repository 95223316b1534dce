import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

describe("attendance", () => {
  it("each person records how they take part; the minutes list persons with their agency", async () => {
    const { owner, abh, caritas, conference } = await concludedConference(ctx);
    const url = `/api/conferences/${conference.id}/attendance/me`;
    const present = await abh.session.put(url, { kind: "present", confidentialityConfirmed: true });
    expect(present.statusCode).toBe(200);
    expect(present.json()).toMatchObject({
      person: { id: abh.user.id },
      agency: { id: abh.agency.id },
      kind: "present",
      confidentialityConfirmed: true,
    });
    // Observers record their attendance too; recording again replaces it.
    await caritas.session.put(url, { kind: "present", confidentialityConfirmed: true });
    await caritas.session.put(url, { kind: "information_sent" });
    const listed = (await owner.session.get(`/api/conferences/${conference.id}/attendance`)).json();
    expect(
      listed.attendance.map((entry: { agency: { id: string }; kind: string }) => [
        entry.agency.id,
        entry.kind,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [abh.agency.id, "present"],
        [caritas.agency.id, "information_sent"],
      ]),
    );
    expect(listed.attendance).toHaveLength(2);

    const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
    expect(finalised.statusCode).toBe(201);
    expect(finalised.json().minutes.content.attendance).toEqual(
      expect.arrayContaining([
        {
          name: abh.user.displayName,
          agency: { id: abh.agency.id, name: abh.agency.name },
          kind: "present",
          confidentialityConfirmed: true,
        },
      ]),
    );
    const markdown = await owner.session.get(`/api/minutes/${finalised.json().minutes.id}.md`);
    expect(markdown.body).toContain("Teilnahme");
    expect(markdown.body).toContain("Informationen vorab geschickt");

    // The minutes are final: so is who took part.
    const late = await owner.session.put(url, { kind: "present", confidentialityConfirmed: true });
    expect(late.statusCode).toBe(409);
  });

  it("present needs the confidentiality confirmed; uninvited agencies get not found", async () => {
    const { abh, conference } = await concludedConference(ctx);
    const url = `/api/conferences/${conference.id}/attendance/me`;
    const unconfirmed = await abh.session.put(url, { kind: "present" });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.details.problems[0].reason).toBe("confidentiality_required");
    const stranger = await buildMember(ctx);
    expect((await stranger.session.put(url, { kind: "apologised" })).statusCode).toBe(404);
    expect(
      (await stranger.session.get(`/api/conferences/${conference.id}/attendance`)).statusCode,
    ).toBe(404);
  });
});
