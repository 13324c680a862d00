import ReactMarkdown from "react-markdown";

/**
 * Organization Markdown (mission, vision, strategy). react-markdown builds React elements and never
 * renders raw HTML, and its URL filter drops `javascript:` links, so what an admin types cannot inject
 * markup or script.
 */
export default function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml>{source}</ReactMarkdown>
    </div>
  );
}
