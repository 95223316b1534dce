import { labelled } from "./labelled.ts";

/** Birth dates need a cue (geb., geboren, Geburtsdatum) or an age-implying context. */
export const birthDateSentences = [
  labelled("Klient, geb. 12.03.1998, seit 2019 geduldet.", ["birth_date", "12.03.1998"]),
  labelled("Der Sohn ist am 04.07.2011 in Aleppo geboren und besucht die 8. Klasse.", [
    "birth_date",
    "04.07.2011",
  ]),
  labelled("Geburtsdatum: 1.1.1990 (laut Duldung).", ["birth_date", "1.1.1990"]),
  labelled("Die Klientin wurde am 23. Mai 2001 geboren, das Datum ist im Pass unsicher.", [
    "birth_date",
    "23. Mai 2001",
  ]),
  labelled("Tochter (geboren am 15.09.2019) braucht einen Kitaplatz.", [
    "birth_date",
    "15.09.2019",
  ]),
  labelled("Er wird am 02.11.2026 volljährig, danach endet die Jugendhilfe.", [
    "birth_date",
    "02.11.2026",
  ]),
  labelled("Geb.-Datum 30.06.85, Herkunft Afghanistan.", ["birth_date", "30.06.85"]),
  labelled("Klientin (* 17.02.1979) hat drei erwachsene Kinder.", ["birth_date", "17.02.1979"]),
  labelled(
    "Laut Ankunftsnachweis ist das Geburtsdatum der 01.01.2000, was oft ein Ersatzdatum ist.",
    ["birth_date", "01.01.2000"],
  ),
  labelled("Jahrgang 1996, Duldung seit 2018.", ["birth_date", "1996"]),
  labelled("geboren 1987 in Kabul, verheiratet, zwei Kinder", ["birth_date", "1987"]),
  labelled("Sein Geburtstag ist der 8. August 2004, also ist er jetzt einundzwanzig.", [
    "birth_date",
    "8. August 2004",
  ]),
  labelled("Die Ehefrau, geb. am 3.3.1995, ist schwanger.", ["birth_date", "3.3.1995"]),
  labelled("Volljährigkeit am 19.04.2027 – dann muss der Antrag nach § 25a gestellt werden.", [
    "birth_date",
    "19.04.2027",
  ]),
  labelled("Geburtsdatum 1999-10-05 laut AZR.", ["birth_date", "1999-10-05"]),
  labelled(
    "Im Pass steht als Geburtsdatum der 12.12.1992, in der Duldung der 21.12.1992.",
    ["birth_date", "12.12.1992"],
    ["birth_date", "21.12.1992"],
  ),
  labelled("Termin am 12.03.2027, der Klient ist 29 Jahre alt."),
  labelled("Die Duldung wurde am 05.01.2026 für sechs Monate verlängert."),
  labelled("Seit dem 01.08.2025 in der Ausbildung zum Pflegefachhelfer."),
  labelled("Der Bescheid vom 14.02.2026 wurde fristgerecht angefochten."),
  labelled("Einreise am 18.09.2015 über die Balkanroute, Asylantrag abgelehnt 2017."),
  labelled("Die Geburt des zweiten Kindes wird im Juni erwartet."),
];
