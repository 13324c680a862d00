import { CommentOutlined } from "@ant-design/icons";
import type { CommentSubject } from "@luodi/client";
import { Button, Drawer, Grid } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { CommentsPanel } from "./CommentsPanel.tsx";

/** The address parameter that holds an open conversation: `?comments=key_result:ID`. */
function commentsParam(subject: CommentSubject): string {
  return `${subject.type}:${subject.id}`;
}

/**
 * A button that opens the conversation on a KR or a check-in in a drawer (the whole width on a phone).
 * Which one is open lives in the address (`?comments=…`), so a notification's link opens it and Back
 * closes it. Shown only when the caller may comment (the subject's `comment` ability).
 */
export function CommentsDrawer({
  subject,
  title,
  canComment,
}: {
  subject: CommentSubject;
  title: string;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const isNarrow = !Grid.useBreakpoint().md;
  const open = params.get("comments") === commentsParam(subject);
  if (!canComment) return null;
  return (
    <>
      <Button
        size="small"
        type="text"
        icon={<CommentOutlined />}
        onClick={() =>
          setParams((p) => {
            p.set("comments", commentsParam(subject));
            return p;
          })
        }
        data-testid={`${subject.type}-comments`}
      >
        {t("comments.open")}
      </Button>
      <Drawer
        open={open}
        onClose={() =>
          setParams((p) => {
            p.delete("comments");
            return p;
          })
        }
        title={title}
        rootClassName="comments-drawer"
        size={isNarrow ? "100%" : 520}
        destroyOnHidden
      >
        {open ? <CommentsPanel subject={subject} canComment={canComment} /> : null}
      </Drawer>
    </>
  );
}
