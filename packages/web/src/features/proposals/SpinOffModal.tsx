import type { Member, Proposal } from "@luodi/client";
import { App, type ButtonProps, Form, Input, Modal, Select, Typography } from "antd";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { applyFieldErrors, fieldsShownBy, placeApiError } from "../../api/form-errors.ts";
import { useDepartments, useSpinOffProposal } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { MemberSelect } from "../../components/MemberSelect.tsx";
import { departmentPath } from "../admin/department-tree.ts";

type Values = { departmentName: string; parentDepartmentId: string; moveMemberIds: string[] };

/**
 * 独立成军: the approver makes the initiative a department of its own, led by the proposer, under a
 * department they choose, with the members they choose (the team by default) moving into it.
 */
export function SpinOffModal({
  proposal,
  open,
  onClose,
}: {
  proposal: Proposal;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const departments = useDepartments();
  const spinOff = useSpinOffProposal(proposal.id);
  const list = departments.data ?? [];
  const root = list.find((d) => d.parentId === null);
  const proposerId = proposal.proposer.id;
  const acceptMember = useCallback(
    (m: Member) => m.status === "active" && m.userId !== proposerId,
    [proposerId],
  );

  const handleSubmit = async (values: Values) => {
    setFormError(null);
    try {
      const result = await spinOff.mutateAsync({
        departmentName: values.departmentName.trim(),
        parentDepartmentId: values.parentDepartmentId,
        moveMemberIds: values.moveMemberIds ?? [],
      });
      void message.success(t("proposals.spunOff", { name: result.department.name }));
      onClose();
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: fieldsShownBy(form),
        remap: (path) => path.replace(/^moveMemberIds\.\d+$/, "moveMemberIds"),
        networkMessage: t("errors.network.title"),
      });
      applyFieldErrors(form, placed.fields);
      setFormError(placed.formMessage);
    }
  };

  return (
    <Modal
      open={open}
      title={t("proposals.spinOffTitle", { title: proposal.title })}
      okText={t("proposals.spinOff")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={spinOff.isPending}
      okButtonProps={{ "data-testid": "spin-off-confirm" } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("proposals.spinOffIntro", { name: proposal.proposer.name })}
      </Typography.Paragraph>
      <FormAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          departmentName: "",
          parentDepartmentId: proposal.parent.department?.id ?? root?.id,
          moveMemberIds: proposal.team.map((person) => person.id),
        }}
        onFinish={(values) => void handleSubmit(values)}
        data-testid="spin-off-form"
      >
        <Form.Item
          name="departmentName"
          label={t("proposals.departmentName")}
          rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
        >
          <Input maxLength={100} data-testid="spin-off-name" />
        </Form.Item>
        <Form.Item
          name="parentDepartmentId"
          label={t("proposals.parentDepartment")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            data-testid="spin-off-parent"
            options={list
              .map((d) => ({ value: d.id, label: departmentPath(list, d.id) }))
              .sort((a, b) => a.label.localeCompare(b.label))}
          />
        </Form.Item>
        <Form.Item
          name="moveMemberIds"
          label={t("proposals.moveMembers")}
          extra={t("proposals.moveMembersHelp", { name: proposal.proposer.name })}
        >
          <MemberSelect multiple testId="spin-off-members" accept={acceptMember} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
