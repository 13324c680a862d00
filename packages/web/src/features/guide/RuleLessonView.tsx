import type { CoachReviewInput } from "@luodi/client";
import { useQuery } from "@tanstack/react-query";
import { Col, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { currentLanguage } from "../../i18n/index.ts";
import { CoachHints } from "../editor/CoachHints.tsx";
import type { ExampleOkr, RuleLesson } from "./coach-examples.ts";
import { keyed } from "./keyed.ts";

function ExampleView({ example, kind }: { example: ExampleOkr; kind: "bad" | "good" }) {
  const { t } = useTranslation();
  const label = t("guide.objectiveLabel");
  return (
    <div className={`guide-example ${kind}`} data-testid={`example-${kind}`}>
      <div className="guide-example-label">{kind === "bad" ? t("guide.bad") : t("guide.good")}</div>
      <div className="guide-example-objective">
        {label}
        {label.endsWith("：") ? "" : " "}
        {example.objective}
      </div>
      {example.keyResults.length ? (
        <ol>
          {keyed(example.keyResults, (kr) => kr.title).map(({ key, item: kr }) => (
            <li key={key}>{kr.title}</li>
          ))}
        </ol>
      ) : (
        <Typography.Text type="secondary">{t("guide.noKeyResults")}</Typography.Text>
      )}
      {example.kind ? (
        <div className="muted" style={{ marginTop: 4 }}>
          {t(example.kind === "committed" ? "guide.kindCommitted" : "guide.kindAspirational")}
        </div>
      ) : null}
      {example.ownerObjectiveCount ? (
        <div className="muted" style={{ marginTop: 4 }}>
          {t("guide.objectiveCount", { count: example.ownerObjectiveCount })}
        </div>
      ) : null}
    </div>
  );
}

/** The coach's own words on the bad example, so the guide and the editor never disagree. */
function CoachVerdict({ example, code }: { example: ExampleOkr; code: string }) {
  const { t } = useTranslation();
  const input: CoachReviewInput = {
    objective: { title: example.objective },
    keyResults: example.keyResults,
    locale: currentLanguage(),
    ...(example.ownerObjectiveCount ? { ownerObjectiveCount: example.ownerObjectiveCount } : {}),
    ...(example.kind ? { kind: example.kind } : {}),
  };
  const review = useQuery({
    queryKey: ["coach", "guide", JSON.stringify(input)],
    queryFn: ({ signal }) => api.coach.review(input, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const findings = (review.data?.findings ?? []).filter((finding) => finding.code === code);
  if (!findings.length) return null;
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{t("guide.coachSays")}</Typography.Text>
      <CoachHints findings={findings} testId="rule-coach" />
    </div>
  );
}

/** One coach rule: why it matters, a bad and a good example, and what the coach says on the bad one. */
export function RuleLessonView({ lesson, code }: { lesson: RuleLesson; code: string }) {
  return (
    <div data-testid="rule-lesson">
      <Typography.Paragraph>{lesson.why}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <ExampleView example={lesson.bad} kind="bad" />
        </Col>
        <Col xs={24} md={12}>
          <ExampleView example={lesson.good} kind="good" />
        </Col>
      </Row>
      <CoachVerdict example={lesson.bad} code={code} />
    </div>
  );
}
