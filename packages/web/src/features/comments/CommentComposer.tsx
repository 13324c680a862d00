import { isApiError, type Member } from "@luodi/client";
import { Button, Mentions, Typography } from "antd";
import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMemberSearch } from "../../api/search.ts";
import { type PickedMention, toComposerText, toMarkdown } from "./mention-text.ts";

type Props = {
  /** The Markdown being edited (an existing comment), empty for a new one. */
  initial?: string;
  submitLabel: string;
  placeholder: string;
  /** Sends the Markdown; the composer empties itself once it is taken. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId: string;
};

/**
 * Where comments are written: `@` lists the organization's active members, and each person picked is sent
 * as `@[name](user:ID)` while the text shows `@name`. Ctrl+Enter (⌘+Enter) sends.
 */
export function CommentComposer({
  initial = "",
  submitLabel,
  placeholder,
  onSubmit,
  onCancel,
  autoFocus,
  testId,
}: Props) {
  const { t } = useTranslation();
  // Mentions search the server as one types after @: the organization is never read whole.
  const [mentioning, setMentioning] = useState(false);
  const search = useMemberSearch(mentioning);
  const seen = useRef(new Map<string, Member>());
  for (const member of search.results) seen.current.set(member.userId, member);
  const start = useMemo(() => toComposerText(initial), [initial]);
  const [text, setText] = useState(start.text);
  const [picked, setPicked] = useState<PickedMention[]>(start.picked);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = search.results.filter((m) => m.status === "active");

  const handleSubmit = async () => {
    if (!text.trim() || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSubmit(toMarkdown(text, picked));
      setText("");
      setPicked([]);
    } catch (failure) {
      setError(isApiError(failure) ? failure.message : t("errors.network.title"));
    } finally {
      setSending(false);
    }
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void handleSubmit();
    }
  };

  return (
    <div className="comment-composer" data-testid={testId}>
      <Mentions
        value={text}
        onChange={setText}
        onSelect={(option) => {
          // The option's key is not the member's id (the list decorates it): find them by the name picked.
          const name = option.value ?? "";
          const userId = [...seen.current.values()].find((m) => m.name === name)?.userId;
          if (userId) setPicked((list) => [...list.filter((p) => p.name !== name), { name, userId }]);
        }}
        onKeyDown={handleKeyDown}
        onSearch={(typed) => {
          setMentioning(true);
          search.onSearch(typed);
        }}
        options={active.map((m) => ({
          key: m.userId,
          value: m.name,
          label: <span data-testid="mention-option">{m.name}</span>,
        }))}
        placeholder={placeholder}
        autoSize={{ minRows: 2, maxRows: 10 }}
        autoFocus={autoFocus}
        aria-label={placeholder}
        data-testid={`${testId}-input`}
        status={error ? "error" : undefined}
      />
      {error ? (
        <Typography.Text type="danger" role="alert" data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      ) : null}
      <div className="comment-composer-actions">
        <Typography.Text type="secondary" className="comment-composer-hint">
          {t("comments.sendHint")}
        </Typography.Text>
        {onCancel ? <Button onClick={onCancel}>{t("common.cancel")}</Button> : null}
        <Button
          type="primary"
          loading={sending}
          disabled={!text.trim()}
          onClick={() => void handleSubmit()}
          data-testid={`${testId}-send`}
        >
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
