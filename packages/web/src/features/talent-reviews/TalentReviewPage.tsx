import { LockOutlined } from "@ant-design/icons";
import type { TalentReview } from "@luodi/client";
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Collapse,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Steps,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { type DragEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useCycles } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import {
  boxKey,
  type Level,
  layoutGrid,
  nextStatus,
  PERFORMANCE_COLUMNS,
  POTENTIAL_ROWS,
} from "./grid-model.ts";
import { STATUS_COLORS, STATUS_KEYS } from "./review-labels.ts";
import { useEvidenceOptions, useTalentReview, useUpdateTalentReview } from "./talent-review-queries.ts";
import "./talent-reviews.css";
import { useSession } from "../auth/session.ts";

type Person = TalentReview["placeable"][number];
type Placement = TalentReview["placements"][number];
/** Where a person is about to go: the box chosen, and who. */
type Pending = { person: Person; performance: Level; potential: Level; current: Placement | undefined };

const DRAG_TYPE = "application/x-luodi-person";
const LEVEL_KEYS = {
  1: "talentReview.level.low",
  2: "talentReview.level.medium",
  3: "talentReview.level.high",
} as const satisfies Record<Level, string>;

/**
 * A talent review (人才盘点): the 3 × 3 grid of performance and potential with the people not yet placed in a
 * tray. A person goes into a box by drag and drop, or by tap (the person, then the box) — either way a small
 * form asks why and on which objectives of theirs. The history keeps every move; the status goes draft →
 * calibrating → final, after which nothing moves. To anyone but the department's leaders above and admins
 * the API answers 404, and so does the page.
 */
export function TalentReviewPage() {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const { id = "" } = useParams();
  const review = useTalentReview(id);
  const cycles = useCycles();
  const update = useUpdateTalentReview(id);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const layout = useMemo(() => (review.data ? layoutGrid(review.data) : null), [review.data]);
  // The export is for admins alone (the server refuses anyone else).
  const session = useSession();
  const admin = session.membership.role === "owner" || session.membership.role === "admin";

  if (review.isPending) return <Loading />;
  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  const data = review.data;
  const grid = layout ?? layoutGrid(data);
  const editable = data.abilities.update && data.status !== "final";
  const cycleName = cycles.data?.find((c) => c.id === data.cycleId)?.name;
  const people = new Map<string, Person>(data.placeable.map((p) => [p.id, p]));
  for (const p of data.placements) people.set(p.person.id, p.person);
  const placementOf = (userId: string) => data.placements.find((p) => p.person.id === userId);
  const selected = selectedId ? people.get(selectedId) : undefined;
  const selectedPlacement = selectedId ? placementOf(selectedId) : undefined;
  const next = nextStatus(data.status);

  const choose = (userId: string, performance: Level, potential: Level) => {
    const person = people.get(userId);
    if (!editable || !person) return;
    setPending({ person, performance, potential, current: placementOf(userId) });
  };
  const onDrop = (event: DragEvent, performance: Level, potential: Level) => {
    event.preventDefault();
    const userId = event.dataTransfer.getData(DRAG_TYPE);
    if (userId) choose(userId, performance, potential);
  };
  const dragProps = (userId: string) =>
    editable
      ? {
          draggable: true,
          onDragStart: (event: DragEvent) => {
            event.dataTransfer.setData(DRAG_TYPE, userId);
            event.dataTransfer.effectAllowed = "move";
          },
        }
      : {};
  const select = (userId: string) => setSelectedId((current) => (current === userId ? null : userId));

  const advance = (status: "calibrating" | "final") => {
    setStatusError(null);
    const run = () =>
      update.mutateAsync({ status }).catch((error: unknown) => {
        setStatusError(
          placeApiError(error, { isKnown: () => false, networkMessage: t("errors.network.title") })
            .formMessage,
        );
      });
    if (status !== "final") return void run();
    modal.confirm({
      title: t("talentReview.finalizeTitle"),
      content: <p data-testid="talent-review-finalize-meaning">{t("talentReview.finalizeMeaning")}</p>,
      okText: t("talentReview.finalize"),
      cancelText: t("common.cancel"),
      okButtonProps: { "data-testid": "talent-review-finalize-ok" } as ButtonProps,
      onOk: run,
    });
  };

  return (
    <>
      <div className="page-header">
        <div>
          <h1 data-testid="talent-review-title">{data.title}</h1>
          <Typography.Text type="secondary">
            <Link to={`/departments/${data.department.id}`}>{data.department.name}</Link>
            {cycleName ? ` · ${cycleName}` : ""} ·{" "}
            <Link to={`/talent-reviews?cycle=${data.cycleId}`}>{t("talentReview.title")}</Link>
          </Typography.Text>
        </div>
        <div className="page-header-actions">
          {admin ? (
            <a
              href={`/api/v1/talent-reviews/${encodeURIComponent(data.id)}/export?format=xlsx`}
              download
              data-testid="talent-review-export"
            >
              {t("talentReview.export")}
            </a>
          ) : null}
          <Tag
            color={STATUS_COLORS[data.status]}
            data-testid="talent-review-status"
            data-status={data.status}
          >
            {t(STATUS_KEYS[data.status])}
          </Tag>
        </div>
      </div>
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        className="talent-review-confidential"
        data-testid="talent-review-confidential"
        title={t("talentReview.confidential")}
      />
      <Card size="small" className="talent-review-steps">
        <Steps
          size="small"
          current={["draft", "calibrating", "final"].indexOf(data.status)}
          items={[
            { title: t(STATUS_KEYS.draft), content: t("talentReview.stepHelp.draft") },
            { title: t(STATUS_KEYS.calibrating), content: t("talentReview.stepHelp.calibrating") },
            { title: t(STATUS_KEYS.final), content: t("talentReview.stepHelp.final") },
          ]}
        />
        <FormAlert message={statusError} />
        {data.status === "final" ? (
          <Typography.Paragraph
            type="secondary"
            data-testid="talent-review-frozen"
            className="talent-review-frozen"
          >
            {t("talentReview.frozen", {
              name: data.finalizedBy?.name ?? "",
              at: data.finalizedAt ? formatDateTime(data.finalizedAt, i18n.language) : "",
            })}
          </Typography.Paragraph>
        ) : next && data.abilities.update ? (
          <Button
            type={next === "final" ? "primary" : "default"}
            loading={update.isPending && !pending}
            onClick={() => advance(next)}
            data-testid="talent-review-advance"
            data-next={next}
          >
            {next === "final" ? t("talentReview.finalize") : t("talentReview.startCalibrating")}
          </Button>
        ) : null}
      </Card>

      {editable || grid.tray.length > 0 ? (
        <Card
          size="small"
          title={t("talentReview.tray", { count: grid.tray.length })}
          className="talent-review-tray-card"
        >
          {grid.tray.length === 0 ? (
            <span className="muted" data-testid="talent-review-tray-empty">
              {data.placeable.length === 0 ? t("talentReview.nobody") : t("talentReview.allPlaced")}
            </span>
          ) : (
            <div className="talent-tray" data-testid="talent-review-tray">
              {grid.tray.map((p) => (
                <button
                  type="button"
                  key={p.id}
                  className={`talent-chip${selectedId === p.id ? " is-selected" : ""}`}
                  data-testid="tray-person"
                  data-user={p.id}
                  aria-pressed={selectedId === p.id}
                  onClick={() => select(p.id)}
                  {...dragProps(p.id)}
                >
                  {p.name}
                </button>
              ))}
            </div>
          )}
          {editable && grid.tray.length > 0 ? (
            <Typography.Paragraph type="secondary" className="talent-hint">
              {t("talentReview.hint")}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}

      {selected ? (
        <Card size="small" className="talent-selected" data-testid="talent-selected" data-user={selected.id}>
          <strong>{selected.name}</strong>
          {selectedPlacement ? (
            <>
              {" · "}
              {t(boxKey(selectedPlacement.performance, selectedPlacement.potential))}
              <p data-testid="talent-selected-reason">{selectedPlacement.reason}</p>
              {selectedPlacement.evidence.length > 0 ? (
                <ul className="plain-list" data-testid="talent-selected-evidence">
                  {selectedPlacement.evidence.map((o) => (
                    <li key={o.id}>
                      <Link to={`/objectives/${o.id}`}>{o.title}</Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              <span className="muted">
                {selectedPlacement.placedBy.name} ·{" "}
                {formatDateTime(selectedPlacement.placedAt, i18n.language)}
              </span>
            </>
          ) : null}
          {editable ? <div className="muted">{t("talentReview.tapABox")}</div> : null}
        </Card>
      ) : null}

      <div className="talent-grid-wrap">
        <div className="talent-axis-y" aria-hidden="true">
          {t("talentReview.potential")} →
        </div>
        <section className="talent-grid" aria-label={t("talentReview.gridLabel")} data-testid="talent-grid">
          {POTENTIAL_ROWS.map((potential) => (
            <div className="talent-grid-row" key={potential}>
              {PERFORMANCE_COLUMNS.map((performance) => {
                const placed = grid.boxes.get(`${performance}${potential}`) ?? [];
                const name = t(boxKey(performance, potential));
                return (
                  // biome-ignore lint/a11y/useSemanticElements: a box holds the people's buttons, so it cannot be a button itself
                  <div
                    role="button"
                    tabIndex={editable && selected ? 0 : -1}
                    key={performance}
                    className={`talent-box talent-box-${performance}${potential}${editable && selected ? " is-target" : ""}`}
                    data-testid="grid-box"
                    data-performance={performance}
                    data-potential={potential}
                    aria-label={`${name}: ${t("talentReview.performance")} ${t(LEVEL_KEYS[performance])}, ${t("talentReview.potential")} ${t(LEVEL_KEYS[potential])}`}
                    onClick={() => selectedId && choose(selectedId, performance, potential)}
                    onKeyDown={(event) => {
                      if (
                        (event.key === "Enter" || event.key === " ") &&
                        selectedId &&
                        event.target === event.currentTarget
                      )
                        choose(selectedId, performance, potential);
                    }}
                    onDragOver={editable ? (event) => event.preventDefault() : undefined}
                    onDrop={editable ? (event) => onDrop(event, performance, potential) : undefined}
                  >
                    <div className="talent-box-name">{name}</div>
                    <div className="talent-box-people">
                      {placed.map((p) => (
                        <Tooltip key={p.person.id} title={p.reason}>
                          <button
                            type="button"
                            className={`talent-card${selectedId === p.person.id ? " is-selected" : ""}`}
                            data-testid="placed-person"
                            data-user={p.person.id}
                            aria-pressed={selectedId === p.person.id}
                            onClick={(event) => {
                              // A tap on a card selects that person; it does not place the one selected before.
                              event.stopPropagation();
                              select(p.person.id);
                            }}
                            {...dragProps(p.person.id)}
                          >
                            {p.person.name}
                          </button>
                        </Tooltip>
                      ))}
                    </div>
                  </div>
                );
              })}
            </div>
          ))}
        </section>
        <div className="talent-axis-x" aria-hidden="true">
          {t("talentReview.performance")} →
        </div>
      </div>

      <Collapse
        className="talent-history"
        data-testid="talent-review-history"
        items={[
          {
            key: "history",
            label: t("talentReview.history", { count: data.history.length }),
            children:
              data.history.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("talentReview.noHistory")} />
              ) : (
                <ol className="talent-history-list">
                  {[...data.history].reverse().map((h) => (
                    <li
                      key={`${h.person.id}-${h.placedAt}`}
                      data-testid="history-entry"
                      data-user={h.person.id}
                    >
                      <div>
                        {t("talentReview.moved", {
                          who: h.placedBy.name,
                          whom: h.person.name,
                          box: t(boxKey(h.performance, h.potential)),
                        })}
                      </div>
                      <div className="muted">{formatDateTime(h.placedAt, i18n.language)}</div>
                      <div>{h.reason}</div>
                    </li>
                  ))}
                </ol>
              ),
          },
        ]}
      />

      {pending ? (
        <PlacementForm
          review={data}
          pending={pending}
          onClose={() => setPending(null)}
          onPlaced={() => {
            setPending(null);
            setSelectedId(null);
          }}
        />
      ) : null}
    </>
  );
}

type Values = { reason: string; evidence?: string[] };

/** Why a person goes into the box, and the objectives of theirs in the review's cycle it rests on. */
function PlacementForm({
  review,
  pending,
  onClose,
  onPlaced,
}: {
  review: TalentReview;
  pending: Pending;
  onClose: () => void;
  onPlaced: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateTalentReview(review.id);
  const objectives = useEvidenceOptions(pending.person.id, review.cycleId);
  const box = t(boxKey(pending.performance, pending.potential));

  const handleSubmit = async (values: Values) => {
    setFormError(null);
    try {
      await update.mutateAsync({
        placements: [
          {
            userId: pending.person.id,
            performance: pending.performance,
            potential: pending.potential,
            reason: values.reason,
            evidence: values.evidence ?? [],
          },
        ],
      });
      void message.success(t("talentReview.placed", { name: pending.person.name, box }));
      onPlaced();
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: fieldsShownBy(form),
        remap: (path) =>
          path.replace(/^placements\.0\.evidence\.\d+$/, "evidence").replace(/^placements\.0\./, ""),
        networkMessage: t("errors.network.title"),
      });
      applyFieldErrors(form, placed.fields);
      setFormError(placed.formMessage);
    }
  };

  return (
    <Modal
      open
      title={t("talentReview.placeTitle", { name: pending.person.name, box })}
      okText={t("talentReview.place")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ "data-testid": "placement-save" } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" data-testid="placement-box">
        {t("talentReview.performance")}: {t(LEVEL_KEYS[pending.performance])} · {t("talentReview.potential")}:{" "}
        {t(LEVEL_KEYS[pending.potential])}
      </Typography.Paragraph>
      <FormAlert message={formError} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          reason: pending.current?.reason ?? "",
          evidence: pending.current?.evidence.map((o) => o.id) ?? [],
        }}
        onFinish={(values) => void handleSubmit(values)}
        data-testid="placement-form"
      >
        <Form.Item
          name="reason"
          label={t("talentReview.reason")}
          rules={[{ required: true, whitespace: true, message: t("talentReview.reasonRequired") }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="placement-reason"
          />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t("talentReview.evidence")}
          extra={objectives.isError ? t("talentReview.evidenceUnavailable") : t("talentReview.evidenceHelp")}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={objectives.isPending}
            data-testid="placement-evidence"
            notFoundContent={t("talentReview.noObjectives")}
            options={(objectives.data ?? []).map((o) => ({ value: o.id, label: o.title }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
