import type { Department, InvitationInput, Member } from "@luodi/client";
import { isApiError } from "@luodi/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag, Upload } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { placeApiError } from "../../api/form-errors.ts";
import { queryKeys } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { departmentPath } from "./department-tree.ts";
import { InvitationLinks, type IssuedLink } from "./InvitationLinks.tsx";
import { type InviteLine, type InviteLineProblem, invitationsOf, parseInviteList } from "./invite-list.ts";

const PROBLEM_KEYS = {
  email: "invitation.bulk.problem.email",
  duplicate: "invitation.bulk.problem.duplicate",
  member: "invitation.bulk.problem.member",
  department: "invitation.bulk.problem.department",
} as const satisfies Record<InviteLineProblem, string>;

/**
 * 批量邀请: people pasted as a list or read from a CSV file, checked line by line before anything is
 * sent, then invited in one request (all or none); the links come back to copy.
 */
export function BulkInviteModal({
  members,
  departments,
  onClose,
}: {
  members: readonly Member[];
  departments: readonly Department[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const root = departments.find((d) => d.parentId === null);
  const [text, setText] = useState("");
  const [departmentId, setDepartmentId] = useState(root?.id ?? "");
  const [role, setRole] = useState<InvitationInput["role"]>("member");
  const [formError, setFormError] = useState<string | null>(null);
  // Refusals the server placed at a line (items.N.field), by the line's email.
  const [refused, setRefused] = useState<Map<string, string>>(new Map());
  const [links, setLinks] = useState<IssuedLink[] | null>(null);
  const lines = useMemo(() => parseInviteList(text, { departments, members }), [text, departments, members]);
  const ready = invitationsOf(lines, { departmentId, role });

  const send = useMutation({
    mutationFn: () => api.invitations.createMany(ready),
    onSuccess: async (answer) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.members });
      setLinks(answer.items);
    },
    onError: (error) => {
      const byEmail = new Map<string, string>();
      if (isApiError(error)) {
        for (const detail of error.details) {
          const index = /^items\.(\d+)/.exec(detail.path)?.[1];
          const invitation = index === undefined ? undefined : ready[Number(index)];
          if (invitation)
            byEmail.set(invitation.email, error.code === "request.invalid" ? detail.message : error.message);
        }
      }
      setRefused(byEmail);
      setFormError(
        byEmail.size > 0
          ? t("invitation.bulk.refused")
          : placeApiError(error, { isKnown: () => false, networkMessage: t("errors.network.title") })
              .formMessage,
      );
    },
  });

  if (links) return <InvitationLinks title={t("invitation.links.title")} links={links} onClose={onClose} />;

  const readFile = async (file: File) => {
    setText((await file.text()).trim());
    setRefused(new Map());
    return false;
  };

  return (
    <Modal
      open
      title={t("invitation.bulk.title")}
      onCancel={onClose}
      width={760}
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            disabled={ready.length === 0}
            loading={send.isPending}
            onClick={() => {
              setFormError(null);
              send.mutate();
            }}
            data-testid="bulk-invite-send"
          >
            {t("invitation.bulk.send", { count: ready.length })}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <FormAlert message={formError} />
      <Form layout="vertical">
        <Form.Item label={t("invitation.bulk.list")} extra={t("invitation.bulk.format")}>
          <Input.TextArea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setRefused(new Map());
            }}
            autoSize={{ minRows: 4, maxRows: 10 }}
            placeholder={t("invitation.bulk.placeholder")}
            data-testid="bulk-invite-text"
          />
        </Form.Item>
        <Upload
          accept=".csv,.txt,text/csv,text/plain"
          showUploadList={false}
          beforeUpload={readFile}
          className="bulk-invite-csv"
        >
          <Button data-testid="bulk-invite-csv">{t("invitation.bulk.csv")}</Button>
        </Upload>
        <div className="bulk-invite-defaults">
          <Form.Item label={t("invitation.bulk.defaultDepartment")} style={{ flex: 2, minWidth: 200 }}>
            <Select
              showSearch
              optionFilterProp="label"
              value={departmentId}
              onChange={setDepartmentId}
              options={departments
                .map((d) => ({ value: d.id, label: departmentPath(departments, d.id) }))
                .sort((a, b) => a.label.localeCompare(b.label))}
            />
          </Form.Item>
          <Form.Item label={t("admin.members.role")} style={{ flex: 1, minWidth: 140 }}>
            <Select
              value={role}
              onChange={setRole}
              options={[
                { value: "member", label: t("admin.role.member") },
                { value: "admin", label: t("admin.role.admin") },
              ]}
            />
          </Form.Item>
        </div>
      </Form>
      {lines.length > 0 && (
        <Table<InviteLine>
          size="small"
          rowKey="line"
          pagination={false}
          scroll={{ x: true, y: 280 }}
          dataSource={lines}
          data-testid="bulk-invite-preview"
          columns={[
            {
              title: t("common.email"),
              key: "email",
              render: (_, line) => (
                <div>
                  <div>{line.email || "—"}</div>
                  <div className="muted">{line.name}</div>
                </div>
              ),
            },
            {
              title: t("admin.members.department"),
              key: "department",
              render: (_, line) =>
                line.departmentId ? (
                  departmentPath(departments, line.departmentId)
                ) : line.department ? (
                  line.department
                ) : (
                  <span className="muted">
                    {t("invitation.bulk.default", { name: departmentPath(departments, departmentId) })}
                  </span>
                ),
            },
            {
              title: t("invitation.bulk.check"),
              key: "problem",
              render: (_, line) => {
                const problem = line.problem ? t(PROBLEM_KEYS[line.problem]) : refused.get(line.email);
                return problem ? (
                  <Tag color="red">{problem}</Tag>
                ) : (
                  <Tag color="green">{t("invitation.bulk.ok")}</Tag>
                );
              },
            },
          ]}
        />
      )}
      {lines.some((line) => line.problem) && (
        <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t("invitation.bulk.skipped")} />
      )}
    </Modal>
  );
}
