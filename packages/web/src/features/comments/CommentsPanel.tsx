import { DeleteOutlined, EditOutlined, MessageOutlined, SmileOutlined } from "@ant-design/icons";
import type { Comment, CommentSubject } from "@luodi/client";
import { REACTION_EMOJIS } from "@luodi/core";
import { Button, Empty, Popconfirm, Popover, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useCommentActions, useCommentHistory, useComments } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { ServerHtml } from "../../components/ServerHtml.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { CommentComposer } from "./CommentComposer.tsx";

type Actions = ReturnType<typeof useCommentActions>;

/** "edited": the comment's earlier texts, fetched when opened. */
function EditedTag({ comment }: { comment: Comment }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useCommentHistory(comment.id, open);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t("comments.history")}
      content={
        <div className="comment-history" data-testid="comment-history">
          {history.isPending ? (
            <Loading />
          ) : (
            (history.data?.items ?? []).map((item) => (
              <div key={item.replacedAt} className="comment-history-item">
                <ServerHtml html={item.bodyHtml} className="comment-body" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("comments.historyBy", {
                    time: formatDateTime(item.replacedAt, i18n.language),
                    name: item.replacedBy.name,
                  })}
                </Typography.Text>
              </div>
            ))
          )}
        </div>
      }
    >
      <Tag className="comment-edited" data-testid="comment-edited">
        {t("comments.edited")}
      </Tag>
    </Popover>
  );
}

/** The reactions under a comment: each one's count (pressed when the caller gave it), and a picker. */
function Reactions({ comment, actions }: { comment: Comment; actions: Actions }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const toggle = (emoji: string, on: boolean) => {
    setPicking(false);
    actions.react.mutate({ id: comment.id, emoji, on });
  };
  return (
    <span className="comment-reactions">
      {comment.reactions.map((r) => (
        <Button
          key={r.emoji}
          size="small"
          type={r.reactedByMe ? "primary" : "default"}
          ghost={r.reactedByMe}
          disabled={!comment.abilities.react}
          aria-pressed={r.reactedByMe}
          aria-label={t("comments.reactWith", { emoji: r.emoji })}
          onClick={() => toggle(r.emoji, !r.reactedByMe)}
          data-testid="comment-reaction"
        >
          {r.emoji} {r.count}
        </Button>
      ))}
      {comment.abilities.react ? (
        <Popover
          open={picking}
          onOpenChange={setPicking}
          trigger="click"
          content={
            <span className="comment-emoji-picker">
              {REACTION_EMOJIS.map((emoji) => {
                const mine = comment.reactions.some((r) => r.emoji === emoji && r.reactedByMe);
                return (
                  <Button
                    key={emoji}
                    type="text"
                    aria-label={t("comments.reactWith", { emoji })}
                    onClick={() => toggle(emoji, !mine)}
                    data-testid="comment-emoji"
                  >
                    {emoji}
                  </Button>
                );
              })}
            </span>
          }
        >
          <Button
            size="small"
            type="text"
            icon={<SmileOutlined />}
            aria-label={t("comments.react")}
            data-testid="comment-react"
          />
        </Popover>
      ) : null}
    </span>
  );
}

/** One comment: who, when, the rendered text, its reactions and what the caller may do to it. */
function CommentItem({
  comment,
  actions,
  onReply,
}: {
  comment: Comment;
  actions: Actions;
  onReply?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const deleted = comment.deletedAt !== null;
  return (
    <div className="comment" id={`comment-${comment.id}`} data-testid="comment">
      <div className="comment-head">
        <strong data-testid="comment-author">{comment.author.name}</strong>
        <Typography.Text type="secondary" className="comment-time">
          {formatDateTime(comment.createdAt, i18n.language)}
        </Typography.Text>
        {comment.editedAt && !deleted ? <EditedTag comment={comment} /> : null}
      </div>
      {deleted ? (
        <Typography.Text type="secondary" italic data-testid="comment-deleted">
          {t("comments.deleted")}
        </Typography.Text>
      ) : editing ? (
        <CommentComposer
          initial={comment.body}
          submitLabel={t("common.save")}
          placeholder={t("comments.placeholder")}
          autoFocus
          testId="comment-edit"
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await actions.update.mutateAsync({ id: comment.id, body });
            setEditing(false);
          }}
        />
      ) : (
        <ServerHtml html={comment.bodyHtml} className="comment-body" testId="comment-body" />
      )}
      {deleted || editing ? null : (
        <div className="comment-actions">
          <Reactions comment={comment} actions={actions} />
          {comment.abilities.reply && onReply ? (
            <Button
              size="small"
              type="text"
              icon={<MessageOutlined />}
              onClick={onReply}
              data-testid="comment-reply"
            >
              {t("comments.reply")}
            </Button>
          ) : null}
          {comment.abilities.update ? (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="comment-edit-start"
            >
              {t("common.edit")}
            </Button>
          ) : null}
          {comment.abilities.delete ? (
            <Popconfirm
              title={t("comments.deleteConfirm")}
              okText={t("comments.delete")}
              cancelText={t("common.cancel")}
              onConfirm={() => actions.remove.mutateAsync(comment.id)}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="comment-delete">
                {t("comments.delete")}
              </Button>
            </Popconfirm>
          ) : null}
        </div>
      )}
    </div>
  );
}

/**
 * The conversation on an objective, a KR or a check-in: threads one level deep (the server files a reply
 * to a reply under its thread's first comment), oldest first, and a composer when the caller may comment.
 */
export function CommentsPanel({ subject, canComment }: { subject: CommentSubject; canComment: boolean }) {
  const { t } = useTranslation();
  const comments = useComments(subject);
  const actions = useCommentActions(subject);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const location = useLocation();
  const items = useMemo(() => comments.data?.pages.flatMap((page) => page.items) ?? [], [comments.data]);
  const threads = useMemo(() => {
    const replies = new Map<string, Comment[]>();
    for (const c of items) {
      if (c.parentId) replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
    }
    return items.filter((c) => !c.parentId).map((root) => ({ root, replies: replies.get(root.id) ?? [] }));
  }, [items]);

  // A notification's link names the comment (#comment-…): bring it into view once it is on the page.
  useEffect(() => {
    if (!location.hash.startsWith("#comment-") || items.length === 0) return;
    document.getElementById(location.hash.slice(1))?.scrollIntoView({ block: "center" });
  }, [location.hash, items.length]);

  if (comments.isPending) return <Loading />;
  if (comments.isError) return <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />;
  const actionFailed = actions.react.error ?? actions.remove.error;

  return (
    <div className="comments" data-testid="comments">
      {actionFailed ? (
        <Typography.Text type="danger" role="alert">
          {actionFailed.message}
        </Typography.Text>
      ) : null}
      {threads.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("comments.empty")} />
      ) : (
        <ol className="comment-threads">
          {threads.map(({ root, replies }) => (
            <li key={root.id} className="comment-thread" data-testid="comment-thread">
              <CommentItem comment={root} actions={actions} onReply={() => setReplyTo(root.id)} />
              {replies.length > 0 || replyTo === root.id ? (
                <div className="comment-replies">
                  {replies.map((reply) => (
                    <CommentItem
                      key={reply.id}
                      comment={reply}
                      actions={actions}
                      onReply={() => setReplyTo(root.id)}
                    />
                  ))}
                  {replyTo === root.id ? (
                    <CommentComposer
                      submitLabel={t("comments.reply")}
                      placeholder={t("comments.replyPlaceholder")}
                      autoFocus
                      testId="comment-reply-composer"
                      onCancel={() => setReplyTo(null)}
                      onSubmit={async (body) => {
                        await actions.create.mutateAsync({ body, parentId: root.id });
                        setReplyTo(null);
                      }}
                    />
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {comments.hasNextPage ? (
        <Button
          type="link"
          loading={comments.isFetchingNextPage}
          onClick={() => void comments.fetchNextPage()}
          data-testid="comments-more"
        >
          {t("comments.loadMore")}
        </Button>
      ) : null}
      {canComment ? (
        <CommentComposer
          submitLabel={t("comments.send")}
          placeholder={t("comments.placeholder")}
          testId="comment-composer"
          onSubmit={(body) => actions.create.mutateAsync({ body })}
        />
      ) : null}
    </div>
  );
}
