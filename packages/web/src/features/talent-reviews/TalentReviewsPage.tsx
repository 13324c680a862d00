import { LockOutlined, PlusOutlined } from "@ant-design/icons";
import type { TalentReviewInput } from "@luodi/client";
import {
  App,
  Button,
  type ButtonProps,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useCycles, useDepartments } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { reviewableDepartments } from "./grid-model.ts";
import { STATUS_COLORS, STATUS_KEYS } from "./review-labels.ts";
import { useCreateTalentReview, useTalentReviews } from "./talent-review-queries.ts";
import "./talent-reviews.css";

/**
 * 人才盘点: the talent reviews the caller may open in the selected cycle (the server lists only those), and
 * the form to open one for a department they lead. `?department=` (from a department's page) preselects it.
 */
export function TalentReviewsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const departments = useDepartments();
  const [params] = useSearchParams();
  const [creating, setCreating] = useState(params.has("department"));
  const list = useTalentReviews(cycle?.id);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const admin = session.membership.role === "owner" || session.membership.role === "admin";
  // Only narrows the form's choices (and hides the button from those who lead nothing): POST still decides.
  const mine = useMemo(
    () => reviewableDepartments(departments.data ?? [], session.user.id, admin),
    [departments.data, session.user.id, admin],
  );

  return (
    <>
      <div className="page-header">
        <div>
          <h1 data-testid="talent-reviews-title">{t("talentReview.title")}</h1>
          <Typography.Text type="secondary">{t("talentReview.subtitle")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          {cycle && cycles.data ? (
            <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />
          ) : null}
          <Link
            to={`/talent-reviews/calibration${cycle ? `?cycle=${cycle.id}` : ""}`}
            data-testid="calibration-link"
          >
            {t("talentReview.calibration.link")}
          </Link>
          {mine.length > 0 ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="talent-review-new"
            >
              {t("talentReview.new")}
            </Button>
          ) : null}
        </div>
      </div>
      <Card size="small">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("talentReview.empty")} />
        ) : (
          <List
            dataSource={items}
            data-testid="talent-review-list"
            renderItem={(item) => (
              <List.Item key={item.id} data-testid="talent-review-row">
                <List.Item.Meta
                  title={<Link to={`/talent-reviews/${item.id}`}>{item.title}</Link>}
                  description={`${item.department.name} · ${item.createdBy.name} · ${formatDateTime(item.createdAt, i18n.language)}`}
                />
                <Tag color={STATUS_COLORS[item.status]}>{t(STATUS_KEYS[item.status])}</Tag>
              </List.Item>
            )}
          />
        )}
        {list.hasNextPage ? (
          <Button type="link" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t("talentReview.loadMore")}
          </Button>
        ) : null}
      </Card>
      <Typography.Paragraph type="secondary" className="talent-review-note">
        <LockOutlined /> {t("talentReview.confidential")}
      </Typography.Paragraph>
      {cycle ? (
        <NewReview
          open={creating}
          onClose={() => setCreating(false)}
          cycleId={cycle.id}
          departmentId={params.get("department") ?? undefined}
          departments={mine}
        />
      ) : null}
    </>
  );
}

type Values = { departmentId: string; cycleId: string; title: string };

/** Opens a review of a department the caller leads (or any, for admins) in a cycle. */
function NewReview({
  open,
  onClose,
  cycleId,
  departmentId,
  departments,
}: {
  open: boolean;
  onClose: () => void;
  cycleId: string;
  departmentId: string | undefined;
  departments: ReadonlyArray<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const cycles = useCycles();
  const create = useCreateTalentReview();
  const known = departments.some((d) => d.id === departmentId);

  const handleSubmit = async (values: Values) => {
    setFormError(null);
    const input: TalentReviewInput = values;
    try {
      const created = await create.mutateAsync(input);
      void message.success(t("talentReview.created"));
      form.resetFields();
      onClose();
      void navigate(`/talent-reviews/${created.id}`);
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: fieldsShownBy(form),
        networkMessage: t("errors.network.title"),
      });
      applyFieldErrors(form, placed.fields);
      setFormError(placed.formMessage);
    }
  };

  return (
    <Modal
      open={open}
      title={t("talentReview.new")}
      okText={t("talentReview.open")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ "data-testid": "talent-review-create" } as ButtonProps}
      destroyOnHidden
    >
      <FormAlert message={formError} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ cycleId, ...(known ? { departmentId } : {}) }}
        onFinish={(values) => void handleSubmit(values)}
        data-testid="talent-review-form"
      >
        <Form.Item
          name="departmentId"
          label={t("talentReview.department")}
          rules={[{ required: true, message: t("talentReview.departmentRequired") }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="talent-review-department"
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="cycleId" label={t("talentReview.cycle")} rules={[{ required: true }]}>
          <Select
            data-testid="talent-review-cycle"
            options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("talentReview.titleLabel")}
          rules={[{ required: true, whitespace: true, message: t("talentReview.titleRequired") }]}
        >
          <Input maxLength={200} data-testid="talent-review-title-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
