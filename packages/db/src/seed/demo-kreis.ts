import type { ActionStatus, AgencyKind, CaseTheme } from "@runder-tisch/contracts/vocabulary";

/** The demo Kreis: fictional agencies, people and pseudonymised cases to try the platform with. */

export const DEMO_DOMAIN = "demo.test";

export interface DemoAgency {
  slug: string;
  name: string;
  kind: AgencyKind;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { slug: "abh", name: "Ausländerbehörde Kreis Beispielhausen", kind: "auslaenderbehoerde" },
  {
    slug: "ebh",
    name: "Einbürgerungsbehörde Kreis Beispielhausen",
    kind: "einbuergerungsbehoerde",
  },
  { slug: "ki", name: "Kommunales Integrationszentrum", kind: "kommunales_integrationszentrum" },
  { slug: "kim", name: "KIM-Case-Management", kind: "kim_case_management" },
  { slug: "jc", name: "Jobcenter Beispielhausen", kind: "jobcenter" },
  { slug: "caritas", name: "Caritas Migrationsberatung", kind: "migrationsberatung" },
  { slug: "diakonie", name: "Diakonie Flüchtlingsberatung", kind: "migrationsberatung" },
];

export const PLATFORM_AGENCY: DemoAgency = {
  slug: "plattform",
  name: "Runder Tisch – Plattformbetrieb",
  kind: "sonstige",
};

export type AgencySlug = (typeof DEMO_AGENCIES)[number]["slug"];

export interface DemoBasis {
  agency: AgencySlug;
  purpose: string;
  categories: ("general" | "special")[];
  legalBasis: "consent" | "statute";
  /** Days from today; negative means already expired. */
  validForDays?: number;
  revokedDaysAgo?: number;
}

export interface DemoAction {
  title: string;
  responsible: AgencySlug;
  dueInDays: number;
  status: ActionStatus;
}

export interface DemoCase {
  code: string;
  owner: AgencySlug;
  summary: string;
  themes: CaseTheme[];
  /** When the case was opened, in days before today (90 unless said). */
  openedDaysAgo?: number;
  specialCategoryNote?: string;
  identity?: { name: string; dateOfBirth: string; fileNumber: string; note: string | null };
  bases: DemoBasis[];
  secrecyReleases?: AgencySlug[];
  pastConference?: { daysAgo: number; invited: AgencySlug[]; actions: DemoAction[] };
  plannedConference?: { inDays: number; hour: number; invited: AgencySlug[] };
}

const PURPOSE_RESIDENCE_WORK = "Aufenthaltssicherung und Arbeitsmarktintegration";

export const DEMO_CASES: DemoCase[] = [
  {
    code: "RT-2026-0007",
    owner: "kim",
    summary:
      "Mann Mitte zwanzig, seit sieben Jahren im Kreis, Duldung nach abgelehntem Asylantrag. Arbeitet in Teilzeit im Lager, Deutsch auf A2. Pass fehlt.",
    themes: ["residence", "identity_clarification", "language", "work"],
    identity: {
      name: "Demo-Klient Eins",
      dateOfBirth: "2001-04-12",
      fileNumber: "ABH-DEMO-0007",
      note: "Nur Demodaten.",
    },
    bases: [
      {
        agency: "abh",
        purpose: PURPOSE_RESIDENCE_WORK,
        categories: ["general"],
        legalBasis: "consent",
      },
      {
        agency: "jc",
        purpose: PURPOSE_RESIDENCE_WORK,
        categories: ["general"],
        legalBasis: "consent",
      },
      {
        agency: "caritas",
        purpose: PURPOSE_RESIDENCE_WORK,
        categories: ["general"],
        legalBasis: "consent",
      },
    ],
    secrecyReleases: ["caritas"],
    pastConference: {
      daysAgo: 56,
      invited: ["abh", "jc", "caritas"],
      actions: [
        {
          title: "Beschäftigungsduldung prüfen",
          responsible: "abh",
          dueInDays: -42,
          status: "done",
        },
        { title: "Integrationskurs anmelden", responsible: "jc", dueInDays: -30, status: "done" },
        {
          title: "Termin bei der Botschaft zur Passbeschaffung begleiten",
          responsible: "caritas",
          dueInDays: 5,
          status: "open",
        },
      ],
    },
    plannedConference: { inDays: 3, hour: 10, invited: ["abh", "jc", "caritas"] },
  },
  {
    code: "RT-2026-0012",
    owner: "abh",
    summary:
      "Junge Frau, 19 Jahre, Duldung, Schulabschluss in Aussicht. Prüfung einer Aufenthaltserlaubnis für gut integrierte Jugendliche.",
    themes: ["residence", "education", "training"],
    identity: {
      name: "Demo-Klientin Zwei",
      dateOfBirth: "2007-09-30",
      fileNumber: "ABH-DEMO-0012",
      note: null,
    },
    bases: [
      {
        agency: "kim",
        purpose: "Aufenthaltsperspektive und Ausbildung",
        categories: ["general"],
        legalBasis: "statute",
      },
      {
        agency: "caritas",
        purpose: "Begleitung im Verfahren",
        categories: ["general"],
        legalBasis: "consent",
      },
      {
        agency: "diakonie",
        purpose: "Begleitung im Verfahren",
        categories: ["general"],
        legalBasis: "consent",
        revokedDaysAgo: 10,
      },
    ],
    plannedConference: { inDays: 9, hour: 14, invited: ["kim", "caritas"] },
  },
  {
    code: "RT-2026-0015",
    owner: "ki",
    summary:
      "Familie mit drei Kindern, seit zwei Jahren im Kreis. Kein Bus zum Abendkurs; Mutter möchte Deutsch lernen.",
    themes: ["family", "language", "mobility"],
    bases: [
      {
        agency: "jc",
        purpose: "Sprachkurs und Kinderbetreuung",
        categories: ["general"],
        legalBasis: "consent",
        validForDays: -5,
      },
      {
        agency: "kim",
        purpose: "Koordination der Hilfen",
        categories: ["general"],
        legalBasis: "consent",
      },
    ],
  },
  {
    code: "RT-2026-0021",
    owner: "caritas",
    summary:
      "Mann Anfang vierzig, anerkannter Flüchtling, sucht Arbeit als Elektriker. Anerkennung des Berufsabschlusses läuft.",
    themes: ["work", "health", "dealing_with_authorities"],
    specialCategoryNote:
      "Gesundheitliche Einschränkung: keine schweren Lasten (ärztliches Attest liegt vor).",
    bases: [
      {
        agency: "kim",
        purpose: "Arbeitsmarktintegration unter Berücksichtigung der Gesundheit",
        categories: ["general", "special"],
        legalBasis: "consent",
      },
      {
        agency: "jc",
        purpose: "Arbeitsvermittlung",
        categories: ["general"],
        legalBasis: "consent",
      },
    ],
    pastConference: {
      daysAgo: 21,
      invited: ["kim", "jc"],
      actions: [
        {
          title: "Anerkennung des Berufsabschlusses nachfassen",
          responsible: "kim",
          dueInDays: 4,
          status: "in_progress",
        },
        {
          title: "Stellenangebote ohne schwere Lasten heraussuchen",
          responsible: "jc",
          dueInDays: -2,
          status: "open",
        },
        {
          title: "Unterlagen für die Anerkennungsstelle übersetzen lassen",
          responsible: "caritas",
          dueInDays: 12,
          status: "open",
        },
      ],
    },
  },
  {
    code: "RT-2026-0023",
    owner: "jc",
    summary: "Junger Mann, Ausbildung zum Koch droht abzubrechen; Fahrtwege im ländlichen Raum.",
    themes: ["training", "mobility", "finances"],
    bases: [
      {
        agency: "kim",
        purpose: "Ausbildung sichern",
        categories: ["general"],
        legalBasis: "consent",
      },
    ],
  },
];
