import { ZMinutes } from "@runder-tisch/contracts";
import { describe, expect, it } from "vitest";
import { itemsOffPage, readPdf } from "../../../test/pdf-text.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { MARGIN } from "../../pdf/pdf-document.ts";
import { renderMinutesPdf } from "./render-minutes-pdf.ts";

const ctx = useTestApp();

const compact = (text: string) => text.replace(/\s+/g, "");

describe("the minutes as PDF", () => {
  it("prints names in any script and wraps every line within the page", async () => {
    const scenario = await concludedConference(ctx);
    const finalised = await scenario.owner.session.post(
      `/api/conferences/${scenario.conference.id}/finalise`,
      {},
    );
    const minutesId = finalised.json().minutes.id as string;
    const minutes = ZMinutes.parse(
      (await scenario.owner.session.get(`/api/minutes/${minutesId}`)).json(),
    );
    const longWord = "Aufenthaltserlaubnisverlängerungsantrag".repeat(11).slice(0, 400);
    minutes.content.goals = [
      "Ayşe begleitet den Termin in Łódź",
      "Юлия übersetzt",
      "مرحبا بكم",
      longWord,
    ];
    const [owner] = minutes.content.participants;
    if (owner) owner.agency.name = "Beratungsstelle Вітаємо / مرحبا بكم";

    const { pages, text } = await readPdf(await renderMinutesPdf(minutes));
    expect(text).toContain("Ayşe begleitet den Termin in Łódź");
    expect(text).toContain("Юлия übersetzt");
    expect(compact(text)).toContain(compact("مرحبا بكم"));
    expect(compact(text)).toContain(longWord);
    expect(text).toContain("Вітаємо");
    expect(text).not.toContain("\uFFFD");
    expect(itemsOffPage(pages, MARGIN)).toEqual([]);
  });
});
