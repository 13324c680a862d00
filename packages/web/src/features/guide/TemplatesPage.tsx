import { BookOutlined, EyeOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Input, Modal, Row, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { KR_TYPE_KEYS } from "../../components/labels.ts";
import { formatMeasure } from "../../lib/format.ts";
import { contentLanguage, TEMPLATE_FUNCTION_KEYS } from "./labels.ts";
import {
  type OkrTemplate,
  TEMPLATE_FUNCTIONS,
  TEMPLATES,
  type TemplateFunction,
  type TemplateText,
} from "./templates.ts";
import "./guide.css";

function isTemplateFunction(value: string | null): value is TemplateFunction {
  return (TEMPLATE_FUNCTIONS as readonly string[]).includes(value ?? "");
}

/** Whether a template's text in the shown language contains every word searched for. */
function matches(text: TemplateText, query: string): boolean {
  const haystack = [text.title, text.description, ...text.keyResults.map((kr) => kr.title)]
    .join("\n")
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

function TemplatePreview({ text, language }: { text: TemplateText; language: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid="template-preview">
      <Typography.Paragraph type="secondary">{text.description}</Typography.Paragraph>
      {text.keyResults.map((kr, i) => (
        <div className="template-kr" key={kr.title} data-testid="template-kr">
          <div>
            <strong>KR{i + 1}</strong> {kr.title}
          </div>
          <div className="kr-meta" style={{ marginTop: 4 }}>
            <Tag>{t(KR_TYPE_KEYS[kr.type])}</Tag>
            <span>
              {t("templates.range", {
                start: formatMeasure(kr.startValue, kr.unit, language),
                target: formatMeasure(kr.targetValue, kr.unit, language),
              })}
            </span>
          </div>
        </div>
      ))}
    </div>
  );
}

/** 模板库: good OKRs by business function, to read and to start an objective from. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const language = contentLanguage(i18n.language);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const selected = params.get("function");
  const fn = isTemplateFunction(selected) ? selected : null;
  const [query, setQuery] = useState("");
  const [previewing, setPreviewing] = useState<OkrTemplate | null>(null);

  const shown = useMemo(
    () => TEMPLATES.filter((tpl) => (!fn || tpl.function === fn) && matches(tpl[language], query)),
    [fn, query, language],
  );

  // The function is kept in the address, so a filtered list can be shared; the search is only typing.
  const handleFunction = (next: TemplateFunction | null) => {
    const merged = new URLSearchParams(params);
    if (next) merged.set("function", next);
    else merged.delete("function");
    setParams(merged, { replace: true });
  };

  const handleUse = (template: OkrTemplate) => {
    navigate(`/objectives/new?template=${encodeURIComponent(template.id)}`);
  };

  return (
    <div data-testid="templates-page">
      <div className="page-header">
        <h1>{t("templates.title")}</h1>
        <div className="page-header-actions">
          <Link to="/guide">
            <Button icon={<BookOutlined />}>{t("templates.toGuide")}</Button>
          </Link>
        </div>
      </div>
      <Typography.Paragraph type="secondary">{t("templates.intro")}</Typography.Paragraph>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t("templates.search")}
        aria-label={t("templates.search")}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ maxWidth: 420, marginBottom: 12 }}
        data-testid="template-search"
      />
      <fieldset className="template-filters">
        <legend className="visually-hidden">{t("templates.function")}</legend>
        <Tag.CheckableTag checked={!fn} onChange={() => handleFunction(null)} data-testid="function-all">
          {t("templates.allFunctions", { count: TEMPLATES.length })}
        </Tag.CheckableTag>
        {TEMPLATE_FUNCTIONS.map((value) => (
          <Tag.CheckableTag
            key={value}
            checked={fn === value}
            onChange={(checked) => handleFunction(checked ? value : null)}
            data-testid={`function-${value}`}
          >
            {t(TEMPLATE_FUNCTION_KEYS[value])}
          </Tag.CheckableTag>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <Empty description={t("templates.empty")} />
      ) : (
        <Row gutter={[16, 16]}>
          {shown.map((template) => {
            const text = template[language];
            return (
              <Col xs={24} md={12} xl={8} key={template.id}>
                <Card
                  size="small"
                  className="template-card"
                  data-testid="template-card"
                  data-template={template.id}
                  data-function={template.function}
                >
                  <div>
                    <Tag color="blue">{t(TEMPLATE_FUNCTION_KEYS[template.function])}</Tag>
                  </div>
                  <div className="template-card-title">{text.title}</div>
                  <ol style={{ margin: 0, paddingLeft: 20 }} className="muted">
                    {text.keyResults.map((kr) => (
                      <li key={kr.title}>{kr.title}</li>
                    ))}
                  </ol>
                  <div className="template-card-actions">
                    <Button
                      icon={<EyeOutlined />}
                      onClick={() => setPreviewing(template)}
                      data-testid="template-preview-open"
                    >
                      {t("templates.preview")}
                    </Button>
                    <Button type="primary" onClick={() => handleUse(template)} data-testid="template-use">
                      {t("templates.use")}
                    </Button>
                  </div>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <Modal
        open={!!previewing}
        title={previewing ? previewing[language].title : ""}
        onCancel={() => setPreviewing(null)}
        width={640}
        footer={[
          <Button key="close" onClick={() => setPreviewing(null)}>
            {t("templates.close")}
          </Button>,
          <Button
            key="use"
            type="primary"
            data-testid="template-preview-use"
            onClick={() => previewing && handleUse(previewing)}
          >
            {t("templates.use")}
          </Button>,
        ]}
      >
        {previewing ? <TemplatePreview text={previewing[language]} language={i18n.language} /> : null}
      </Modal>
    </div>
  );
}
