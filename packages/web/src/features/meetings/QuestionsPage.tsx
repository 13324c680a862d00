import { LikeFilled, LikeOutlined } from "@ant-design/icons";
import type { Question } from "@luodi/client";
import { App, Button, Card, Empty, Input, Segmented, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useAskQuestion, useQuestions, useWriteQuestion } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ServerHtml } from "../../components/ServerHtml.tsx";
import { formatDateTime } from "../../lib/format.ts";
import "./meetings.css";
import { useAttempt } from "../../api/use-attempt.ts";

/** CEO 面对面: ask (optionally anonymously), vote once per question, and — the CEO or an admin — answer. */
export function QuestionsPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const questions = useQuestions(open);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("questions.title")}</h1>
          <Typography.Text type="secondary">{t("questions.subtitle")}</Typography.Text>
        </div>
      </div>
      <AskCard />
      <Segmented
        className="questions-filter"
        value={open ? "open" : "all"}
        onChange={(value) => setOpen(value === "open")}
        options={[
          { value: "open", label: t("questions.open") },
          { value: "all", label: t("questions.all") },
        ]}
        data-testid="questions-filter"
      />
      {questions.isPending ? (
        <Loading />
      ) : questions.isError ? (
        <ErrorState error={questions.error} onRetry={() => void questions.refetch()} />
      ) : questions.data.items.length === 0 ? (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("questions.empty")} />
        </Card>
      ) : (
        questions.data.items.map((q) => <QuestionCard key={q.id} question={q} />)
      )}
    </>
  );
}

function AskCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const ask = useAskQuestion();
  const attempt = useAttempt();
  const [body, setBody] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const submit = async () => {
    if (!(await attempt(() => ask.mutateAsync({ body, anonymous })))) return;
    void message.success(t("questions.asked"));
    setBody("");
    setAnonymous(false);
  };
  return (
    <Card size="small" title={t("questions.ask")} className="question-card">
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={5000}
        placeholder={t("questions.placeholder")}
        data-testid="question-body"
      />
      <Space wrap className="meeting-notes-actions">
        <Switch checked={anonymous} onChange={setAnonymous} data-testid="question-anonymous" />
        <span>{t("questions.anonymous")}</span>
        <Button
          type="primary"
          onClick={() => void submit()}
          loading={ask.isPending}
          disabled={!body.trim()}
          data-testid="question-submit"
        >
          {t("questions.submit")}
        </Button>
      </Space>
      {anonymous ? (
        <Typography.Paragraph type="secondary" className="meeting-item-sub">
          {t("questions.anonymousHelp")}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function QuestionCard({ question: q }: { question: Question }) {
  const { t, i18n } = useTranslation();
  const write = useWriteQuestion();
  const attempt = useAttempt();
  const [answer, setAnswer] = useState<string | null>(null);
  const run = (w: () => Promise<Question>) => attempt(() => write.mutateAsync(w));
  return (
    <Card size="small" className="question-card" data-testid="question">
      <ServerHtml html={q.bodyHtml} className="question-body" />
      <Space wrap size={8}>
        <Button
          size="small"
          type={q.votedByMe ? "primary" : "default"}
          icon={q.votedByMe ? <LikeFilled /> : <LikeOutlined />}
          disabled={!q.abilities.vote}
          loading={write.isPending}
          onClick={() =>
            void run(() => (q.votedByMe ? api.questions.unvote(q.id) : api.questions.vote(q.id)))
          }
          aria-pressed={q.votedByMe}
          data-testid="question-vote"
        >
          <span data-testid="question-votes">{q.voteCount}</span>
        </Button>
        <Typography.Text type="secondary" className="meeting-item-sub" data-testid="question-author">
          {q.author ? q.author.name : t("questions.anonymousAuthor")} ·{" "}
          {formatDateTime(q.createdAt, i18n.language)}
        </Typography.Text>
        {q.answer ? <Tag color="green">{t("questions.answered")}</Tag> : null}
      </Space>
      {q.answer ? (
        <div className="question-answer" data-testid="question-answer">
          <Typography.Text strong>
            {t("questions.answerBy", { name: q.answer.answeredBy.name })}
          </Typography.Text>
          <ServerHtml html={q.answer.bodyHtml} />
        </div>
      ) : null}
      {q.abilities.answer && answer === null ? (
        <Button
          type="link"
          size="small"
          onClick={() => setAnswer(q.answer?.body ?? "")}
          data-testid="question-answer-open"
        >
          {q.answer ? t("questions.editAnswer") : t("questions.answer")}
        </Button>
      ) : null}
      {answer !== null ? (
        <div className="meeting-notes-actions">
          <Input.TextArea
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            data-testid="question-answer-input"
          />
          <Space className="meeting-notes-actions">
            <Button
              type="primary"
              size="small"
              disabled={!answer.trim()}
              loading={write.isPending}
              onClick={() =>
                void run(() => api.questions.answer(q.id, answer)).then((ok) => ok && setAnswer(null))
              }
              data-testid="question-answer-save"
            >
              {t("questions.publish")}
            </Button>
            <Button size="small" onClick={() => setAnswer(null)}>
              {t("common.cancel")}
            </Button>
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
