import { PlusOutlined } from "@ant-design/icons";
import type { Cycle, CycleInput } from "@luodi/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Col, Form, Input, Row, Select, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { queryKeys, useCycles } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { CYCLE_KIND_KEYS, PHASE_KEYS } from "../../components/labels.ts";
import { sortCyclesForPicker } from "../../lib/cycles.ts";
import { formatDate } from "../../lib/format.ts";
import { showFormError } from "./form-helpers.ts";
import { nextPhaseOf, type Phase } from "./phases.ts";

/** What entering each phase means for people, said in the confirmation before advancing. */
const PHASE_MEANING_KEYS = {
  planning: "admin.cycles.meaning.planning",
  aligning: "admin.cycles.meaning.aligning",
  in_progress: "admin.cycles.meaning.in_progress",
  scoring: "admin.cycles.meaning.scoring",
  reviewing: "admin.cycles.meaning.reviewing",
  closed: "admin.cycles.meaning.closed",
} as const satisfies Record<Phase, string>;

/** 周期: the cycles, a form to create one, and the phase moved forward one step with confirmation. */
export function CyclesAdmin() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const cycles = useCycles();
  const advance = useMutation({
    mutationFn: ({ cycle, phase }: { cycle: Cycle; phase: Phase }) =>
      api.cycles.advancePhase(cycle.id, phase),
    onSuccess: async (cycle) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
      message.success(t("admin.cycles.advanced", { name: cycle.name, phase: t(PHASE_KEYS[cycle.phase]) }));
    },
    onError: (error) => message.error(error instanceof Error ? error.message : String(error)),
  });

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const list = sortCyclesForPicker(cycles.data);
  const byId = new Map(list.map((c) => [c.id, c]));

  const confirmAdvance = (cycle: Cycle, phase: Phase) => {
    modal.confirm({
      title: t("admin.cycles.advanceTitle", { name: cycle.name, phase: t(PHASE_KEYS[phase]) }),
      content: <p data-testid="phase-meaning">{t(PHASE_MEANING_KEYS[phase])}</p>,
      okText: t("admin.cycles.advanceOk", { phase: t(PHASE_KEYS[phase]) }),
      cancelText: t("common.cancel"),
      onOk: () => advance.mutateAsync({ cycle, phase }).catch(() => undefined),
    });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Card title={t("admin.cycles.list")}>
          <Table<Cycle>
            rowKey="id"
            dataSource={list}
            pagination={false}
            size="middle"
            data-testid="cycle-table"
            columns={[
              {
                title: t("admin.cycles.name"),
                key: "name",
                render: (_, c) => (
                  <div>
                    <strong>{c.name}</strong>
                    <div className="muted">
                      {t(CYCLE_KIND_KEYS[c.kind])}
                      {c.parentId && byId.get(c.parentId) ? ` · ${byId.get(c.parentId)?.name}` : ""}
                    </div>
                  </div>
                ),
              },
              {
                title: t("admin.cycles.dates"),
                key: "dates",
                responsive: ["md"],
                render: (_, c) =>
                  `${formatDate(c.startDate, i18n.language)} – ${formatDate(c.endDate, i18n.language)}`,
              },
              {
                title: t("admin.cycles.phase"),
                key: "phase",
                render: (_, c) => {
                  const next = nextPhaseOf(c.phase);
                  return (
                    <div>
                      <Tag data-phase={c.phase}>{t(PHASE_KEYS[c.phase])}</Tag>
                      {next && (
                        <Button
                          size="small"
                          style={{ marginTop: 4 }}
                          onClick={() => confirmAdvance(c, next)}
                          data-testid={`advance-${c.name}`}
                        >
                          {t("admin.cycles.advance", { phase: t(PHASE_KEYS[next]) })}
                        </Button>
                      )}
                    </div>
                  );
                },
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <CreateCycle cycles={list} />
      </Col>
    </Row>
  );
}

type Values = { name: string; kind: Cycle["kind"]; startDate: string; endDate: string; parentId?: string };

function CreateCycle({ cycles }: { cycles: readonly Cycle[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (values: Values) => {
      const input: CycleInput = {
        name: values.name,
        kind: values.kind,
        startDate: values.startDate,
        endDate: values.endDate,
        parentId: values.parentId ?? null,
      };
      return api.cycles.create(input);
    },
    onSuccess: async (cycle) => {
      setFormError(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: queryKeys.cycles });
      message.success(t("admin.cycles.created", { name: cycle.name }));
    },
    onError: (error) =>
      setFormError(showFormError(form, error, ["name", "kind", "startDate", "endDate", "parentId"], t)),
  });
  const required = { required: true, message: t("validation.required") };
  return (
    <Card title={t("admin.cycles.create")}>
      <FormAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: "quarter" }}
        onFinish={(values) => create.mutate(values)}
        name="cycle"
        data-testid="cycle-form"
      >
        <Form.Item name="name" label={t("admin.cycles.name")} rules={[required]}>
          <Input maxLength={200} placeholder={t("admin.cycles.namePlaceholder")} />
        </Form.Item>
        <Form.Item name="kind" label={t("admin.cycles.kind")} rules={[required]}>
          <Select
            options={(Object.keys(CYCLE_KIND_KEYS) as Array<keyof typeof CYCLE_KIND_KEYS>).map((k) => ({
              value: k,
              label: t(CYCLE_KIND_KEYS[k]),
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startDate" label={t("admin.cycles.startDate")} rules={[required]}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="endDate"
              label={t("admin.cycles.endDate")}
              dependencies={["startDate"]}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) => {
                    const start = getFieldValue("startDate") as string | undefined;
                    return !value || !start || value > start
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("admin.cycles.endBeforeStart")));
                  },
                }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="parentId" label={t("admin.cycles.parent")} extra={t("admin.cycles.parentHint")}>
          <Select
            allowClear
            options={cycles
              .filter((c) => c.kind === "annual" || c.kind === "half")
              .map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={create.isPending}
          data-testid="cycle-create"
        >
          {t("admin.cycles.createButton")}
        </Button>
      </Form>
    </Card>
  );
}
