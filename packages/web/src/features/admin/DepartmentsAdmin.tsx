import { PlusOutlined } from "@ant-design/icons";
import type { Department, Member } from "@luodi/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Select, Tree } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { queryKeys, useDepartments, useMembers } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { buildDepartmentTree, type DepartmentNode, departmentPath, subtreeIds } from "./department-tree.ts";
import { showFormError } from "./form-helpers.ts";

type TreeItem = { key: string; title: string; children: TreeItem[] };

function toTreeData(nodes: readonly DepartmentNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.department.id,
    title: n.department.name,
    children: toTreeData(n.children),
  }));
}

/** 部门: the department tree, with a form to create one and a panel to edit the selected one. */
export function DepartmentsAdmin() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const members = useMembers();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = departments.data ?? [];
  const treeData = useMemo(() => toTreeData(buildDepartmentTree(list)), [list]);

  if (departments.isPending || members.isPending) return <Loading />;
  if (departments.isError) {
    return <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />;
  }
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  const selected = list.find((d) => d.id === selectedId);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10}>
        <Card title={t("admin.departments.tree")}>
          <Tree
            // Remounted when departments come or go, so a new one shows opened like the rest.
            key={list.length}
            treeData={treeData}
            defaultExpandAll
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(keys) => setSelectedId(keys[0] === undefined ? null : String(keys[0]))}
            data-testid="department-tree"
          />
        </Card>
        <CreateDepartment departments={list} members={members.data} onCreated={setSelectedId} />
      </Col>
      <Col xs={24} md={14}>
        {selected ? (
          <EditDepartment
            key={`${selected.id}:${selected.version}`}
            department={selected}
            departments={list}
            members={members.data}
            onDeleted={() => setSelectedId(null)}
          />
        ) : (
          <Card>
            <Empty description={t("admin.departments.pick")} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function memberOptions(members: readonly Member[]) {
  return members
    .filter((m) => m.status === "active")
    .map((m) => ({ value: m.userId, label: `${m.name} · ${m.email}` }));
}

function departmentOptions(departments: readonly Department[], exclude: Set<string> = new Set()) {
  return departments
    .filter((d) => !exclude.has(d.id))
    .map((d) => ({ value: d.id, label: departmentPath(departments, d.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

type CreateValues = { name: string; parentId: string; leaderId?: string };

function CreateDepartment({
  departments,
  members,
  onCreated,
}: {
  departments: readonly Department[];
  members: readonly Member[];
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const root = departments.find((d) => d.parentId === null);
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      api.departments.create({
        name: values.name,
        parentId: values.parentId,
        leaderId: values.leaderId ?? null,
      }),
    onSuccess: async (created) => {
      setFormError(null);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: queryKeys.departments });
      message.success(t("admin.departments.created", { name: created.name }));
      onCreated(created.id);
    },
    onError: (error) => setFormError(showFormError(form, error, ["name", "parentId", "leaderId"], t)),
  });
  return (
    <Card title={t("admin.departments.create")} style={{ marginTop: 16 }}>
      <FormAlert message={formError} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ parentId: root?.id }}
        onFinish={(values) => create.mutate(values)}
        name="newDepartment"
        data-testid="department-create"
      >
        <Form.Item
          name="name"
          label={t("admin.departments.name")}
          rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t("admin.departments.parent")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Select showSearch optionFilterProp="label" options={departmentOptions(departments)} />
        </Form.Item>
        <Form.Item name="leaderId" label={t("admin.departments.leader")}>
          <Select allowClear showSearch optionFilterProp="label" options={memberOptions(members)} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
          {t("admin.departments.createButton")}
        </Button>
      </Form>
    </Card>
  );
}

type EditValues = { name: string; parentId?: string; leaderId?: string | null };

function EditDepartment({
  department,
  departments,
  members,
  onDeleted,
}: {
  department: Department;
  departments: readonly Department[];
  members: readonly Member[];
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const isRoot = department.parentId === null;
  const exclude = useMemo(() => subtreeIds(departments, department.id), [departments, department.id]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.departments });

  const update = useMutation({
    mutationFn: (values: EditValues) =>
      api.departments.update(department.id, {
        name: values.name,
        ...(isRoot || !values.parentId ? {} : { parentId: values.parentId }),
        leaderId: values.leaderId ?? null,
        version: department.version,
      }),
    onSuccess: async () => {
      setFormError(null);
      await refresh();
      message.success(t("admin.departments.saved"));
    },
    onError: (error) => setFormError(showFormError(form, error, ["name", "parentId", "leaderId"], t)),
  });
  const remove = useMutation({
    mutationFn: () => api.departments.remove(department.id),
    onSuccess: async () => {
      setFormError(null);
      onDeleted();
      await refresh();
      message.success(t("admin.departments.deleted"));
    },
    onError: (error) => setFormError(showFormError(form, error, [], t)),
  });

  return (
    <Card title={t("admin.departments.edit", { name: department.name })} data-testid="department-edit">
      <FormAlert message={formError} />
      <Form<EditValues>
        form={form}
        layout="vertical"
        initialValues={{
          name: department.name,
          parentId: department.parentId ?? undefined,
          leaderId: department.leaderId,
        }}
        name="department"
        onFinish={(values) => update.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t("admin.departments.name")}
          rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {!isRoot && (
          <Form.Item
            name="parentId"
            label={t("admin.departments.parent")}
            extra={t("admin.departments.moveHint")}
          >
            <Select showSearch optionFilterProp="label" options={departmentOptions(departments, exclude)} />
          </Form.Item>
        )}
        <Form.Item name="leaderId" label={t("admin.departments.leader")}>
          <Select allowClear showSearch optionFilterProp="label" options={memberOptions(members)} />
        </Form.Item>
        <div className="page-header-actions">
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
          {!isRoot && (
            <Popconfirm
              title={t("admin.departments.deleteConfirm", { name: department.name })}
              okText={t("common.remove")}
              cancelText={t("common.cancel")}
              onConfirm={() => remove.mutate()}
            >
              <Button danger loading={remove.isPending} data-testid="department-delete">
                {t("common.remove")}
              </Button>
            </Popconfirm>
          )}
        </div>
      </Form>
    </Card>
  );
}
