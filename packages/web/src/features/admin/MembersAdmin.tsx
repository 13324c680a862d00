import { PlusOutlined } from "@ant-design/icons";
import type { Department, Member, MemberInput, MemberPatch } from "@luodi/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.ts";
import { queryKeys, useDepartments, useMembers } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { useSession } from "../auth/session.ts";
import { BulkInviteModal } from "./BulkInviteModal.tsx";
import { departmentPath } from "./department-tree.ts";
import { showFormError } from "./form-helpers.ts";
import { InvitationLinks, type IssuedLink } from "./InvitationLinks.tsx";

const ROLE_KEYS = {
  owner: "admin.role.owner",
  admin: "admin.role.admin",
  member: "admin.role.member",
} as const;

/** 成员: everyone in the organization, searchable; create, edit, deactivate and reactivate. */
export function MembersAdmin() {
  const { t } = useTranslation();
  const members = useMembers();
  const departments = useDepartments();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Member | "new" | null>(null);
  const [bulk, setBulk] = useState(false);
  const list = members.data ?? [];
  const deptList = departments.data ?? [];
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
    if (!needle) return sorted;
    return sorted.filter(
      (m) =>
        m.name.toLowerCase().includes(needle) ||
        m.email.toLowerCase().includes(needle) ||
        (m.title ?? "").toLowerCase().includes(needle),
    );
  }, [list, search]);

  if (members.isPending || departments.isPending) return <Loading />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (departments.isError) {
    return <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />;
  }
  const byId = new Map(list.map((m) => [m.userId, m]));

  return (
    <Card>
      <div className="page-header">
        <Input.Search
          aria-label={t("admin.members.search")}
          placeholder={t("admin.members.search")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: 320 }}
          data-testid="member-search"
        />
        <Space wrap>
          <Button onClick={() => setBulk(true)} data-testid="member-bulk-invite">
            {t("invitation.bulk.open")}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            data-testid="member-new"
          >
            {t("admin.members.create")}
          </Button>
        </Space>
      </div>
      <Table<Member>
        rowKey="userId"
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        size="middle"
        data-testid="member-table"
        columns={[
          {
            title: t("admin.members.name"),
            key: "name",
            render: (_, m) => (
              <div>
                <Link to={`/people/${m.userId}`}>{m.name}</Link>
                <div className="muted">{m.email}</div>
              </div>
            ),
          },
          {
            title: t("admin.members.role"),
            key: "role",
            render: (_, m) => (
              <Space size={4} wrap>
                <Tag>{t(ROLE_KEYS[m.role])}</Tag>
                {m.status === "deactivated" && <Tag color="red">{t("admin.members.deactivated")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("admin.members.department"),
            key: "department",
            responsive: ["md"],
            render: (_, m) => (m.departmentId ? departmentPath(deptList, m.departmentId) : "—"),
          },
          {
            title: t("admin.members.manager"),
            key: "manager",
            responsive: ["lg"],
            render: (_, m) => (m.managerId ? (byId.get(m.managerId)?.name ?? "—") : "—"),
          },
          {
            title: t("admin.members.title"),
            key: "title",
            responsive: ["lg"],
            render: (_, m) => m.title ?? "—",
          },
          {
            title: t("admin.members.actions"),
            key: "actions",
            render: (_, m) => (
              <Button size="small" onClick={() => setEditing(m)} data-testid={`member-edit-${m.email}`}>
                {t("common.edit")}
              </Button>
            ),
          },
        ]}
      />
      {bulk && <BulkInviteModal members={list} departments={deptList} onClose={() => setBulk(false)} />}
      {editing && (
        <MemberModal
          member={editing === "new" ? null : editing}
          members={list}
          departments={deptList}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

type Values = {
  email: string;
  name: string;
  password?: string;
  role: Member["role"];
  departmentId: string;
  managerId?: string | null;
  title?: string;
};

const FIELDS = ["email", "name", "password", "role", "departmentId", "managerId", "title"];

function MemberModal({
  member,
  members,
  departments,
  onClose,
}: {
  member: Member | null;
  members: readonly Member[];
  departments: readonly Department[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [links, setLinks] = useState<{ title: string; links: IssuedLink[] } | null>(null);
  // Without a password the new member is invited: the button says so.
  const typedPassword = Form.useWatch("password", form);
  const isNew = member === null;
  const isSelf = member?.userId === session.user.id;
  const root = departments.find((d) => d.parentId === null);

  const done = async (text: string) => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.members });
    message.success(text);
    onClose();
  };
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const title = values.title?.trim() ? values.title.trim() : null;
      if (isNew) {
        const input: MemberInput = {
          email: values.email,
          name: values.name,
          role: values.role,
          departmentId: values.departmentId,
          managerId: values.managerId ?? null,
          title,
          ...(values.password ? { password: values.password } : {}),
        };
        if (values.password) return api.members.create(input);
        // No password: an invitation, whose link they follow to choose one (emailed, and shown to copy).
        const { password: _none, ...invitation } = input;
        const link = await api.invitations.create(invitation);
        await queryClient.invalidateQueries({ queryKey: queryKeys.members });
        setLinks({ title: t("invitation.links.title"), links: [link] });
        return null;
      }
      const patch: MemberPatch = {
        role: values.role,
        departmentId: values.departmentId,
        managerId: values.managerId ?? null,
        title,
        version: member.version,
      };
      return api.members.update(member.userId, patch);
    },
    onSuccess: (saved) => {
      if (saved) void done(t(isNew ? "admin.members.created" : "admin.members.saved", { name: saved.name }));
    },
    onError: (error) => setFormError(showFormError(form, error, FIELDS, t)),
  });
  const setStatus = useMutation({
    mutationFn: (status: Member["status"]) => {
      if (!member) throw new Error("no member");
      return api.members.update(member.userId, { status, version: member.version });
    },
    onSuccess: (saved) =>
      done(
        t(saved.status === "active" ? "admin.members.reactivated" : "admin.members.deactivatedDone", {
          name: saved.name,
        }),
      ),
    onError: (error) => setFormError(showFormError(form, error, FIELDS, t)),
  });

  const resetPassword = useMutation({
    mutationFn: () => {
      if (!member) throw new Error("no member");
      return api.members.resetPassword(member.userId);
    },
    onSuccess: (link) => {
      if (member)
        setLinks({ title: t("invitation.reset.linkTitle"), links: [{ ...link, email: member.email }] });
    },
    onError: (error) => setFormError(showFormError(form, error, FIELDS, t)),
  });
  const confirmReset = () => {
    if (!member) return;
    modal.confirm({
      title: t("invitation.reset.confirmTitle", { name: member.name }),
      content: t("invitation.reset.confirmBody"),
      okText: t("invitation.reset.confirm"),
      okButtonProps: { danger: true, ...({ "data-testid": "member-reset-confirm" } as object) },
      cancelText: t("common.cancel"),
      onOk: () => resetPassword.mutateAsync(),
    });
  };

  const managerOptions = members
    .filter((m) => m.status === "active" && m.userId !== member?.userId)
    .map((m) => ({ value: m.userId, label: `${m.name} · ${m.email}` }));
  const required = { required: true, message: t("validation.required") };

  if (links) return <InvitationLinks title={links.title} links={links.links} onClose={onClose} />;

  return (
    <Modal
      open
      title={isNew ? t("admin.members.create") : t("admin.members.edit", { name: member.name })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <FormAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          member
            ? {
                email: member.email,
                name: member.name,
                role: member.role,
                departmentId: member.departmentId ?? undefined,
                managerId: member.managerId,
                title: member.title ?? "",
              }
            : { role: "member", departmentId: root?.id }
        }
        onFinish={(values) => save.mutate(values)}
        name="member"
        data-testid="member-form"
      >
        <Form.Item
          name="email"
          label={t("common.email")}
          rules={[required, { type: "email", message: t("admin.members.badEmail") }]}
        >
          <Input type="email" disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t("admin.members.name")} rules={[required]}>
          <Input disabled={!isNew} maxLength={200} />
        </Form.Item>
        {isNew && (
          <Form.Item
            name="password"
            label={t("common.password")}
            extra={t("admin.members.passwordHint")}
            rules={[{ min: 10, message: t("admin.members.passwordShort") }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label={t("admin.members.role")} rules={[required]}>
          <Select
            disabled={isSelf}
            options={(["member", "admin", "owner"] as const).map((r) => ({
              value: r,
              label: t(ROLE_KEYS[r]),
            }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t("admin.members.department")} rules={[required]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={departments
              .map((d) => ({ value: d.id, label: departmentPath(departments, d.id) }))
              .sort((a, b) => a.label.localeCompare(b.label))}
          />
        </Form.Item>
        <Form.Item name="managerId" label={t("admin.members.manager")}>
          <Select allowClear showSearch optionFilterProp="label" options={managerOptions} />
        </Form.Item>
        <Form.Item name="title" label={t("admin.members.title")}>
          <Input maxLength={200} />
        </Form.Item>
        <div className="page-header-actions">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="member-save">
            {isNew
              ? typedPassword
                ? t("admin.members.createButton")
                : t("invitation.send")
              : t("common.save")}
          </Button>
          {member && !isSelf && member.status === "active" && (
            <Button
              loading={resetPassword.isPending}
              onClick={confirmReset}
              data-testid="member-reset-password"
            >
              {t("invitation.reset.button")}
            </Button>
          )}
          {member && !isSelf && (
            <Button
              danger={member.status === "active"}
              loading={setStatus.isPending}
              onClick={() => setStatus.mutate(member.status === "active" ? "deactivated" : "active")}
              data-testid="member-status"
            >
              {member.status === "active" ? t("admin.members.deactivate") : t("admin.members.reactivate")}
            </Button>
          )}
          <Button onClick={onClose}>{t("common.cancel")}</Button>
        </div>
      </Form>
    </Modal>
  );
}
