import { PlusOutlined } from "@ant-design/icons";
import type { MeetingInput } from "@luodi/client";
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
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useCreateMeeting, useDepartments, useMeetings, useMembers } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { MEETING_KIND_KEYS, MEETING_STATUS_COLORS, MEETING_STATUS_KEYS } from "./meeting-labels.ts";
import "./meetings.css";

/** 会议: the meetings I may see in the selected cycle, newest first, and the form to schedule one. */
export function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const { cycle } = useSelectedCycle();
  const [creating, setCreating] = useState(false);
  const list = useMeetings(cycle?.id);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("meetings.title")}</h1>
          <Typography.Text type="secondary">{t("meetings.subtitle")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          <Link to="/questions">{t("questions.nav")}</Link>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="meeting-new"
          >
            {t("meetings.new")}
          </Button>
        </div>
      </div>
      <Card size="small">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("meetings.empty")} />
        ) : (
          <List
            dataSource={items}
            data-testid="meeting-list"
            renderItem={(item) => (
              <List.Item key={item.id} data-testid="meeting-row">
                <List.Item.Meta
                  title={<Link to={`/meetings/${item.id}`}>{item.title}</Link>}
                  description={`${t(MEETING_KIND_KEYS[item.kind])} · ${item.department?.name ?? t("meetings.company")} · ${formatDateTime(item.scheduledAt, i18n.language)}`}
                />
                <Tag color={MEETING_STATUS_COLORS[item.status]}>{t(MEETING_STATUS_KEYS[item.status])}</Tag>
              </List.Item>
            )}
          />
        )}
        {list.hasNextPage ? (
          <Button type="link" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t("meetings.loadMore")}
          </Button>
        ) : null}
      </Card>
      {cycle ? <NewMeeting open={creating} onClose={() => setCreating(false)} cycleId={cycle.id} /> : null}
    </>
  );
}

type Values = {
  kind: MeetingInput["kind"];
  title: string;
  departmentId?: string;
  scheduledAt: string;
  attendeeIds?: string[];
};

/** Schedules a meeting of the company or of a department, in the selected cycle. */
function NewMeeting({ open, onClose, cycleId }: { open: boolean; onClose: () => void; cycleId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const members = useMembers();
  const departments = useDepartments();
  const create = useCreateMeeting();

  const handleSubmit = async (values: Values) => {
    setFormError(null);
    const input: MeetingInput = {
      kind: values.kind,
      title: values.title,
      cycleId,
      scheduledAt: new Date(values.scheduledAt).toISOString(),
      ...(values.departmentId ? { departmentId: values.departmentId } : {}),
      ...(values.attendeeIds?.length ? { attendeeIds: values.attendeeIds } : {}),
    };
    try {
      const created = await create.mutateAsync(input);
      void message.success(t("meetings.created"));
      form.resetFields();
      onClose();
      void navigate(`/meetings/${created.id}`);
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: fieldsShownBy(form),
        remap: (path) => path.replace(/^attendeeIds\.\d+$/, "attendeeIds"),
        networkMessage: t("errors.network.title"),
      });
      applyFieldErrors(form, placed.fields);
      setFormError(placed.formMessage);
    }
  };

  return (
    <Modal
      open={open}
      title={t("meetings.new")}
      okText={t("meetings.schedule")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ "data-testid": "meeting-create" } as ButtonProps}
      destroyOnHidden
    >
      <FormAlert message={formError} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "weekly" }}
        onFinish={(values) => void handleSubmit(values)}
        data-testid="meeting-form"
      >
        <Form.Item name="kind" label={t("meetings.kindLabel")} rules={[{ required: true }]}>
          <Select
            data-testid="meeting-kind"
            options={(Object.keys(MEETING_KIND_KEYS) as Array<keyof typeof MEETING_KIND_KEYS>).map(
              (kind) => ({
                value: kind,
                label: t(MEETING_KIND_KEYS[kind]),
              }),
            )}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("meetings.titleLabel")}
          rules={[{ required: true, whitespace: true, message: t("meetings.titleRequired") }]}
        >
          <Input maxLength={200} data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="departmentId" label={t("meetings.scope")} extra={t("meetings.scopeHelp")}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t("meetings.company")}
            data-testid="meeting-department"
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item
          name="scheduledAt"
          label={t("meetings.when")}
          rules={[{ required: true, message: t("meetings.whenRequired") }]}
        >
          <Input type="datetime-local" data-testid="meeting-when" />
        </Form.Item>
        <Form.Item name="attendeeIds" label={t("meetings.attendees")}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            data-testid="meeting-attendees"
            options={(members.data ?? [])
              .filter((m) => m.status === "active")
              .map((m) => ({ value: m.userId, label: m.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
