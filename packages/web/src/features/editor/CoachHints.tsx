import { BulbOutlined } from "@ant-design/icons";
import type { CoachFinding } from "@luodi/client";
import { Alert } from "antd";

const TYPES = { error: "error", warning: "warning", info: "info" } as const;

/** The coach's advice on one field, right under it; announced politely as it changes. */
export function CoachHints({ findings, testId }: { findings: readonly CoachFinding[]; testId?: string }) {
  return (
    <div aria-live="polite" className="coach-hints" data-testid={testId}>
      {findings.map((finding) => (
        <Alert
          key={`${finding.target}:${finding.code}`}
          className="coach-hint"
          type={TYPES[finding.severity]}
          icon={<BulbOutlined />}
          showIcon
          data-testid="coach-hint"
          data-code={finding.code}
          title={finding.message}
          description={finding.suggestion}
        />
      ))}
    </div>
  );
}
