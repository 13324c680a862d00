import type { MouseEvent } from "react";
import { useNavigate } from "react-router";

/**
 * HTML the server rendered from Markdown and sanitised (comments' `bodyHtml`, praise's `messageHtml`; see
 * the server's services/markdown.ts): never any other HTML. Links to the app's own pages (mentions) open
 * inside it instead of reloading the page.
 */
export function ServerHtml({
  html,
  className,
  testId,
}: {
  html: string;
  className?: string;
  testId?: string;
}) {
  const navigate = useNavigate();
  const handleClick = (event: MouseEvent<HTMLElement>) => {
    const href = (event.target as HTMLElement).closest("a")?.getAttribute("href") ?? "";
    if (!href.startsWith("/") || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    void navigate(href);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the click only routes the links inside, which keep their own keys
    <div
      className={`markdown ${className ?? ""}`}
      data-testid={testId}
      onClick={handleClick}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server, and only that
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
