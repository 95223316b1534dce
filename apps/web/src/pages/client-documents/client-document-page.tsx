import {
  type TClientDocument,
  type TClientLanguage,
  ZClientLanguage,
} from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import {
  fetchGoalAgreement,
  fetchTransparencySheet,
  goalAgreementPdfUrl,
  transparencySheetPdfUrl,
} from "../../api/client-documents.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { paths } from "../../routes/paths.ts";
import { ClientDocumentView } from "./client-document-view.tsx";
import "./client-documents.css";

interface DocumentSource {
  title: string;
  back: { to: string; label: string };
  queryKey: readonly unknown[];
  fetch: () => Promise<TClientDocument>;
  pdfUrl: string;
}

function ClientDocumentPage({
  language,
  onLanguage,
  source,
}: {
  language: TClientLanguage;
  onLanguage: (language: TClientLanguage) => void;
  source: DocumentSource;
}) {
  const { t } = useTranslation();
  const document = useQuery({ queryKey: source.queryKey, queryFn: source.fetch });
  return (
    <Page title={source.title}>
      <p>
        <Link to={source.back.to}>{source.back.label}</Link>
      </p>
      <p className="muted">{t("clientDocuments.explain")}</p>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          {t("clientDocuments.language")}
          <select
            value={language}
            onChange={(event) => onLanguage(ZClientLanguage.parse(event.target.value))}
          >
            {ZClientLanguage.options.map((option) => (
              <option key={option} value={option}>
                {t(`clientDocuments.languages.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p>
        <a className="button" href={source.pdfUrl} download>
          {t("clientDocuments.download")}
        </a>
      </p>
      <ErrorMessage error={document.error} />
      {document.isPending ? <Loading label={t("common.loading")} /> : null}
      {document.data ? <ClientDocumentView document={document.data} /> : null}
    </Page>
  );
}

/** The goal agreement of a conference, for the person, in the language chosen. */
export function GoalAgreementPage() {
  const { t } = useTranslation();
  const conferenceId = useParams().conferenceId ?? "";
  const [language, setLanguage] = useState<TClientLanguage>("de");
  return (
    <ClientDocumentPage
      language={language}
      onLanguage={setLanguage}
      source={{
        title: t("clientDocuments.goalAgreement"),
        back: { to: paths.conference(conferenceId), label: t("clientDocuments.backToConference") },
        queryKey: queryKeys.goalAgreement(conferenceId, language),
        fetch: () => fetchGoalAgreement(conferenceId, language),
        pdfUrl: goalAgreementPdfUrl(conferenceId, language),
      }}
    />
  );
}

/** Which agencies may see the case and why, for the person, in the language chosen. */
export function TransparencySheetPage() {
  const { t } = useTranslation();
  const caseId = useParams().caseId ?? "";
  const [language, setLanguage] = useState<TClientLanguage>("de");
  return (
    <ClientDocumentPage
      language={language}
      onLanguage={setLanguage}
      source={{
        title: t("clientDocuments.transparencySheet"),
        back: { to: paths.case(caseId), label: t("clientDocuments.backToCase") },
        queryKey: queryKeys.transparencySheet(caseId, language),
        fetch: () => fetchTransparencySheet(caseId, language),
        pdfUrl: transparencySheetPdfUrl(caseId, language),
      }}
    />
  );
}
