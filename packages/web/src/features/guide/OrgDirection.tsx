import type { Organization } from "@luodi/client";
import { Card, Typography } from "antd";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { keyed } from "./keyed.ts";
import { markdownBlocks, type TextBlock } from "./markdown-blocks.ts";

function Blocks({ blocks }: { blocks: TextBlock[] }) {
  return (
    <>
      {keyed(blocks, (b) => (b.kind === "list" ? b.items.join("\n") : b.text)).map(({ key, item: block }) =>
        block.kind === "list" ? (
          <ul key={key}>
            {keyed(block.items, (text) => text).map(({ key: itemKey, item }) => (
              <li key={itemKey}>{item}</li>
            ))}
          </ul>
        ) : block.kind === "heading" ? (
          <p key={key}>
            <strong>{block.text}</strong>
          </p>
        ) : (
          <p key={key}>{block.text}</p>
        ),
      )}
    </>
  );
}

/** The company's mission, vision and strategy, which every OKR serves; plain text, never raw HTML. */
export function OrgDirection({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const parts = [
    { key: "mission", label: t("guide.mission"), blocks: markdownBlocks(organization.mission) },
    { key: "vision", label: t("guide.vision"), blocks: markdownBlocks(organization.vision) },
    { key: "strategy", label: t("guide.strategy"), blocks: markdownBlocks(organization.strategy) },
  ].filter((part) => part.blocks.length > 0);
  return (
    <Card className="guide-direction" data-testid="org-direction">
      <h2>{t("guide.direction", { name: organization.name })}</h2>
      {parts.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t("guide.noDirection")}
        </Typography.Paragraph>
      ) : (
        parts.map((part) => (
          <Fragment key={part.key}>
            <h3>{part.label}</h3>
            <div data-testid={`org-${part.key}`}>
              <Blocks blocks={part.blocks} />
            </div>
          </Fragment>
        ))
      )}
    </Card>
  );
}
