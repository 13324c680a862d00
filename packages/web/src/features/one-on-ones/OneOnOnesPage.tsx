import { PlusOutlined } from "@ant-design/icons";
import type { OneOnOneInput } from "@luodi/client";
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
import { Link, useNavigate, useSearchParams } from "react-router";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useCreateOneOnOne, useMembers, useOneOnOnes } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { useSession } from "../auth/session.ts";
import { oneOnOnePartners } from "./one-on-one-people.ts";
import "./one-on-ones.css";

/** 一对一: my 1:1s as manager or as report, newest first; `?with=` keeps those with one person. */
export function OneOnOnesPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const withUserId = params.get("with") ?? undefined;
  const [creating, setCreating] = useState(false);
  const list = useOneOnOnes(withUserId);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const me = session.user.id;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("oneOnOnes.title")}</h1>
          <Typography.Text type="secondary">{t("oneOnOnes.subtitle")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="one-on-one-new"
          >
            {t("oneOnOnes.new")}
          </Button>
        </div>
      </div>
      <Card size="small">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("oneOnOnes.empty")} />
        ) : (
          <List
            dataSource={items}
            data-testid="one-on-one-list"
            renderItem={(item) => {
              const other = item.manager.id === me ? item.report : item.manager;
              return (
                <List.Item key={item.id} data-testid="one-on-one-row">
                  <List.Item.Meta
                    title={
                      <Link to={`/one-on-ones/${item.id}`}>
                        {t("oneOnOnes.with", { name: other.name })}
                        {item.title ? ` · ${item.title}` : ""}
                      </Link>
                    }
                    description={formatDateTime(item.scheduledAt, i18n.language)}
                  />
                  <Tag color={item.status === "done" ? "green" : "blue"}>
                    {t(item.status === "done" ? "oneOnOnes.status.done" : "oneOnOnes.status.scheduled")}
                  </Tag>
                </List.Item>
              );
            }}
          />
        )}
        {list.hasNextPage ? (
          <Button type="link" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t("oneOnOnes.loadMore")}
          </Button>
        ) : null}
      </Card>
      <NewOneOnOne open={creating} onClose={() => setCreating(false)} initialUserId={withUserId} />
    </>
  );
}

type Values = { userId: string; scheduledAt: string; title?: string };

/** Schedules a 1:1 with one of my reports (anywhere below me) or one of my managers. */
function NewOneOnOne({
  open,
  onClose,
  initialUserId,
}: {
  open: boolean;
  onClose: () => void;
  initialUserId: string | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const members = useMembers();
  const create = useCreateOneOnOne();
  const partners = oneOnOnePartners(members.data ?? [], session.user.id);

  const handleSubmit = async (values: Values) => {
    setFormError(null);
    const partner = partners.find((p) => p.userId === values.userId);
    const input: OneOnOneInput = {
      ...(partner?.side === "manager" ? { managerUserId: values.userId } : { reportUserId: values.userId }),
      scheduledAt: new Date(values.scheduledAt).toISOString(),
      ...(values.title?.trim() ? { title: values.title.trim() } : {}),
    };
    try {
      const created = await create.mutateAsync(input);
      void message.success(t("oneOnOnes.created"));
      form.resetFields();
      onClose();
      void navigate(`/one-on-ones/${created.id}`);
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: fieldsShownBy(form),
        remap: (path) => (path === "reportUserId" || path === "managerUserId" ? "userId" : path),
        networkMessage: t("errors.network.title"),
      });
      applyFieldErrors(form, placed.fields);
      setFormError(placed.formMessage);
    }
  };

  return (
    <Modal
      open={open}
      title={t("oneOnOnes.new")}
      okText={t("oneOnOnes.schedule")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ "data-testid": "one-on-one-create" } as ButtonProps}
      destroyOnHidden
    >
      <FormAlert message={formError} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ userId: initialUserId }}
        onFinish={(values) => void handleSubmit(values)}
        data-testid="one-on-one-form"
      >
        <Form.Item
          name="userId"
          label={t("oneOnOnes.person")}
          rules={[{ required: true, message: t("oneOnOnes.personRequired") }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={members.isPending}
            data-testid="one-on-one-person"
            options={partners.map((p) => ({
              value: p.userId,
              label: `${p.name} · ${t(p.side === "manager" ? "oneOnOnes.side.manager" : "oneOnOnes.side.report")}`,
            }))}
            notFoundContent={t("oneOnOnes.noPartners")}
          />
        </Form.Item>
        <Form.Item
          name="scheduledAt"
          label={t("oneOnOnes.when")}
          rules={[{ required: true, message: t("oneOnOnes.whenRequired") }]}
        >
          <Input type="datetime-local" data-testid="one-on-one-when" />
        </Form.Item>
        <Form.Item name="title" label={t("oneOnOnes.titleLabel")}>
          <Input maxLength={200} placeholder={t("oneOnOnes.titlePlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
