import { labelled } from "./labelled.ts";

/** Phone numbers, e-mail addresses and bank accounts. */
export const contactSentences = [
  labelled("Der Klient ist unter 0176 12345678 erreichbar.", ["phone", "0176 12345678"]),
  labelled("Tel.: 05231 / 62 47 11 (nur vormittags)", ["phone", "05231 / 62 47 11"]),
  labelled("Handy: +49 151 23456789, WhatsApp bevorzugt.", ["phone", "+49 151 23456789"]),
  labelled("Rückruf an die Schwester unter 0049 (0)521 9876543 vereinbart.", [
    "phone",
    "0049 (0)521 9876543",
  ]),
  labelled("Telefonnummer der Klientin: 0157-34567890", ["phone", "0157-34567890"]),
  labelled("Erreichbar über die Nummer +49 (0) 5231 9712-44.", ["phone", "+49 (0) 5231 9712-44"]),
  labelled("Der Vater in der Türkei: +90 532 123 45 67.", ["phone", "+90 532 123 45 67"]),
  labelled("Neue Handynummer 01522/7654321, alte ist abgemeldet.", ["phone", "01522/7654321"]),
  labelled("Festnetz (05261) 28 55 0", ["phone", "(05261) 28 55 0"]),
  labelled("Die Klientin hat ihre Nummer geändert: 0160 9988776.", ["phone", "0160 9988776"]),
  labelled("Kontakt über +380 67 123 4567 (Ehemann in Kyjiw).", ["phone", "+380 67 123 4567"]),
  labelled("Tel 0521-5577889", ["phone", "0521-5577889"]),
  labelled("Die Frist für Unterlagen endet in 14 Tagen, Kosten 2.450 € übernimmt das Jobcenter."),
  labelled("Der Kurs umfasst 700 Unterrichtseinheiten, 100 davon Orientierungskurs."),
  labelled("Die Hotline des BAMF wurde mehrfach angerufen, ohne Erfolg."),
  labelled("Mail des Klienten: m.camara92@gmx.de – bitte nicht weitergeben.", [
    "email",
    "m.camara92@gmx.de",
  ]),
  labelled("Die Arbeitgeberin schreibt an fatima.haddad@web.de statt an die Beratungsstelle.", [
    "email",
    "fatima.haddad@web.de",
  ]),
  labelled("E-Mail: olena.k1985@gmail.com", ["email", "olena.k1985@gmail.com"]),
  labelled("Antwort bitte an yusuf_demir@t-online.de und in Kopie an den Betreuer.", [
    "email",
    "yusuf_demir@t-online.de",
  ]),
  labelled("Kontakt per Mail (ahmad.rahimi+kurs@outlook.de).", [
    "email",
    "ahmad.rahimi+kurs@outlook.de",
  ]),
  labelled("Die Schule hat an eltern-7b@gesamtschule-detmold.de geschrieben.", [
    "email",
    "eltern-7b@gesamtschule-detmold.de",
  ]),
  labelled("Lohnabrechnung geht auf das Konto DE89 3704 0044 0532 0130 00.", [
    "iban",
    "DE89 3704 0044 0532 0130 00",
  ]),
  labelled("IBAN: DE40476501300012345678 (Sparkasse)", ["iban", "DE40476501300012345678"]),
  labelled("Das Jobcenter überweist ab Mai auf DE17 1005 0000 0123 4567 89.", [
    "iban",
    "DE17 1005 0000 0123 4567 89",
  ]),
  labelled("Der Bruder hat ein Konto in der Türkei: TR33 0006 1005 1978 6457 8413 26.", [
    "iban",
    "TR33 0006 1005 1978 6457 8413 26",
  ]),
  labelled("Überweisung an die Mutter auf UA74 3052 9900 0002 6007 2335 6600 1 ist gescheitert.", [
    "iban",
    "UA74 3052 9900 0002 6007 2335 6600 1",
  ]),
  labelled("Bankverbindung laut Antrag: DE51 4401 0046 0987 6543 21.", [
    "iban",
    "DE51 4401 0046 0987 6543 21",
  ]),
  labelled("Die Klientin hat ein Basiskonto eröffnet, IBAN DE09480501610043006528.", [
    "iban",
    "DE09480501610043006528",
  ]),
  labelled("Kontoverbindung: PL61 1090 1014 0000 0712 1981 2874 (noch aus der Zeit in Polen).", [
    "iban",
    "PL61 1090 1014 0000 0712 1981 2874",
  ]),
  labelled("Ein Basiskonto nach dem Zahlungskontengesetz ist beantragt."),
];
