import { AppstoreOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Collapse, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { RULE_EXAMPLES, RULE_SEVERITY } from "./coach-examples.ts";
import { GUIDE_CHAPTERS } from "./guide-content.ts";
import { contentLanguage } from "./labels.ts";
import { OrgDirection } from "./OrgDirection.tsx";
import { RuleLessonView } from "./RuleLessonView.tsx";
import "./guide.css";

const SEVERITY_COLORS = { error: "red", warning: "orange", info: "blue" } as const;

/** OKR 指南: the company's direction first, then how to write, align, check in, score and review OKRs, and each coach rule by example. */
export function GuidePage() {
  const { t, i18n } = useTranslation();
  const language = contentLanguage(i18n.language);
  const organization = useQuery({ queryKey: ["org"], queryFn: ({ signal }) => api.org.get(signal) });
  const chapters = GUIDE_CHAPTERS[language];

  if (organization.isError)
    return <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />;
  if (organization.isPending) return <Loading />;

  const severityLabel = {
    error: t("guide.severity.error"),
    warning: t("guide.severity.warning"),
    info: t("guide.severity.info"),
  };

  return (
    <div data-testid="guide-page">
      <div className="page-header">
        <h1>{t("guide.title")}</h1>
        <div className="page-header-actions">
          <Link to="/templates">
            <Button icon={<AppstoreOutlined />} data-testid="guide-to-templates">
              {t("guide.toTemplates")}
            </Button>
          </Link>
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t("guide.intro")}</Typography.Paragraph>
      <OrgDirection organization={organization.data} />
      <div className="guide-layout">
        <div>
          {chapters.map((chapter) => (
            <Card key={chapter.id} className="guide-section" id={chapter.id} data-testid="guide-chapter">
              <h2>{chapter.title}</h2>
              {chapter.paragraphs.map((paragraph) => (
                <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
              ))}
              {chapter.points ? (
                <ul style={{ margin: 0 }}>
                  {chapter.points.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              ) : null}
            </Card>
          ))}
          <Card className="guide-section" id="coach-rules">
            <h2>{t("guide.rulesTitle")}</h2>
            <Typography.Paragraph type="secondary">{t("guide.rulesIntro")}</Typography.Paragraph>
            <Collapse
              data-testid="coach-rules"
              items={RULE_EXAMPLES.map((rule) => {
                const severity = RULE_SEVERITY[rule.code];
                return {
                  key: rule.code,
                  label: (
                    <span data-testid="coach-rule" data-code={rule.code}>
                      {rule[language].title}
                    </span>
                  ),
                  extra: <Tag color={SEVERITY_COLORS[severity]}>{severityLabel[severity]}</Tag>,
                  children: <RuleLessonView lesson={rule[language]} code={rule.code} />,
                };
              })}
            />
          </Card>
        </div>
        <nav className="guide-toc" aria-label={t("guide.contents")}>
          <Card size="small" title={t("guide.contents")}>
            <ol>
              {chapters.map((chapter) => (
                <li key={chapter.id}>
                  <a href={`#${chapter.id}`}>{chapter.title}</a>
                </li>
              ))}
              <li>
                <a href="#coach-rules">{t("guide.rulesTitle")}</a>
              </li>
            </ol>
          </Card>
        </nav>
      </div>
    </div>
  );
}
