import { CheckOutlined, CopyOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format.ts";

/** A one-time link just made: to whom, where it leads, until when, and whether it was emailed. */
export type IssuedLink = { email: string; url: string; expiresAt: string; emailed: boolean };

/**
 * The links of invitations or of a password reset, each to copy into a chat: the only time they are
 * shown, since only their hash is kept. Says which ones went out by email too.
 */
export function InvitationLinks({
  title,
  links,
  onClose,
}: {
  title: string;
  links: readonly IssuedLink[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const emailed = links.filter((link) => link.emailed).length;
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="links-done">
          {t("invitation.links.done")}
        </Button>
      }
      destroyOnHidden
    >
      <Alert
        type={emailed === links.length ? "success" : "info"}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          emailed === links.length
            ? t("invitation.links.allEmailed", { count: links.length })
            : emailed > 0
              ? t("invitation.links.someEmailed", { count: emailed, total: links.length })
              : t("invitation.links.noneEmailed")
        }
      />
      <ul className="invitation-links" data-testid="invitation-links">
        {links.map((link) => (
          <li key={link.url} data-testid="invitation-link" data-email={link.email} data-url={link.url}>
            <div className="invitation-link-who">{link.email}</div>
            <Typography.Text
              className="invitation-link-url"
              copyable={{
                text: link.url,
                tooltips: false,
                icon: [
                  <span key="copy" className="copy-label">
                    <CopyOutlined /> {t("invitation.links.copy")}
                  </span>,
                  <span key="copied" className="copy-label">
                    <CheckOutlined /> {t("invitation.links.copied")}
                  </span>,
                ],
              }}
              data-testid="invitation-link-url"
            >
              {link.url}
            </Typography.Text>
            <div className="muted" style={{ fontSize: 12 }}>
              {t("invitation.links.expires", { when: formatDateTime(link.expiresAt, i18n.language) })}
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
