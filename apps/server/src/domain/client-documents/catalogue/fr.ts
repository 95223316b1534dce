import type { Catalogue } from "./de.ts";

export const fr = {
  "goal.title": "Accord sur les objectifs",
  "goal.notice":
    "Ceci est un résumé. Ce n'est pas une décision officielle. Ce n'est pas une décision juridique.",
  "goal.intro": "Nous avons parlé ensemble le {date}. Voici ce que nous avons convenu.",
  "goal.case_number": "Votre numéro de dossier",
  "goal.goals": "Vos objectifs",
  "goal.no_goals": "Aucun objectif n'a encore été noté.",
  "goal.actions": "Qui fait quoi, et pour quand ?",
  "goal.no_actions": "Aucune tâche n'a encore été répartie.",
  "goal.who": "Qui",
  "goal.until": "Pour quand",
  "goal.state": "État",
  "goal.no_date": "sans date fixe",
  "goal.next": "La prochaine rencontre",
  "goal.next_on": "Nous nous reverrons le {date}.",
  "goal.next_open": "La prochaine date n'est pas encore fixée.",
  "goal.contact": "Votre service de contact",
  "goal.contact_text":
    "Vous avez des questions ? Quelque chose est faux ? Adressez-vous à : {agency}.",
  "goal.german_texts":
    "Les objectifs et les tâches sont en allemand. Ils ont été notés ainsi pendant la rencontre.",
  "status.open": "ouvert",
  "status.in_progress": "en cours",
  "status.done": "fait",
  "status.cancelled": "arrêté",
  "sheet.title": "Qui peut voir votre dossier ?",
  "sheet.notice": "Ceci est une information pour vous. Ce n'est pas une décision officielle.",
  "sheet.intro":
    "Plusieurs services travaillent sur votre dossier. Cette fiche montre qui peut voir vos données. Et pourquoi.",
  "sheet.owner": "Le service responsable de votre dossier",
  "sheet.owner_text":
    "{agency} est responsable de votre dossier. Ce service peut toujours voir votre dossier.",
  "sheet.agencies": "Ces services peuvent aussi voir votre dossier",
  "sheet.no_agencies": "Aucun autre service ne peut voir votre dossier.",
  "sheet.why": "Pourquoi",
  "sheet.consent": "Vous avez donné votre accord (consentement du {date}).",
  "sheet.consent_undated": "Vous avez donné votre accord (consentement).",
  "sheet.statute": "Une loi le permet : {norm}.",
  "sheet.purpose": "Dans quel but",
  "sheet.until": "Jusqu'à quand",
  "sheet.until_revoked": "jusqu'à ce que vous retiriez votre accord",
  "sheet.until_task": "tant que la tâche existe",
  "sheet.revoke": "Vous voulez retirer votre accord ?",
  "sheet.revoke_text":
    "Vous pouvez le faire à tout moment. Dites-le à ce service : {agency}. Une phrase courte suffit, à l'oral ou par écrit. À partir de ce moment, l'autre service ne voit plus votre dossier. Ce qui a eu lieu avant reste permis.",
  "sheet.revoke_statute": "Vous ne pouvez pas retirer une autorisation donnée par une loi.",
  "sheet.correct": "Quelque chose est faux ?",
  "sheet.correct_text":
    "Vous pouvez demander ce qui est enregistré sur vous. Vous pouvez faire corriger les erreurs. Adressez-vous à : {agency}.",
  "mark.not_translated": "non traduit",
  "mark.translation_missing": "traduction manquante",
  "page.footer": "Page {page} sur {pages}",
} satisfies Catalogue;
