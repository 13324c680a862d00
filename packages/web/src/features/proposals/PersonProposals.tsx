import { ApartmentOutlined } from "@ant-design/icons";
import type { Proposal } from "@luodi/client";
import { Card, Empty, List, Tabs, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useProposals } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { INVOLVEMENT_KEYS, PROPOSAL_STATUS_COLORS, PROPOSAL_STATUS_KEYS } from "./proposal-labels.ts";
import "./proposals.css";

type Involvement = keyof typeof INVOLVEMENT_KEYS;
const INVOLVEMENTS = Object.keys(INVOLVEMENT_KEYS) as Involvement[];
const PAGE = 20;

/**
 * 提案 on a person's page: what they proposed, backed, joined and led to a spin-off, in every cycle — the
 * record of initiative that leaders read when they raise talent density.
 */
export function PersonProposals({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const lists = {
    made: useProposals({ userId, involvement: "made", limit: PAGE }),
    backed: useProposals({ userId, involvement: "backed", limit: PAGE }),
    joined: useProposals({ userId, involvement: "joined", limit: PAGE }),
    spun_off: useProposals({ userId, involvement: "spun_off", limit: PAGE }),
  };
  const count = (involvement: Involvement) => {
    const pages = lists[involvement].data?.pages;
    if (!pages) return "…";
    const shown = pages.reduce((sum, page) => sum + page.items.length, 0);
    return lists[involvement].hasNextPage ? `${shown}+` : String(shown);
  };
  return (
    <Card
      size="small"
      title={t("proposals.personTitle")}
      data-testid="person-proposals"
      className="person-proposals"
    >
      <Tabs
        size="small"
        items={INVOLVEMENTS.map((involvement) => ({
          key: involvement,
          label: (
            <span data-testid={`person-proposals-tab-${involvement}`}>
              {t(INVOLVEMENT_KEYS[involvement])} {count(involvement)}
            </span>
          ),
          children: <InvolvementList query={lists[involvement]} involvement={involvement} />,
        }))}
      />
    </Card>
  );
}

function InvolvementList({
  query,
  involvement,
}: {
  query: ReturnType<typeof useProposals>;
  involvement: Involvement;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("proposals.personEmpty")} />;
  }
  return (
    <List<Proposal>
      size="small"
      dataSource={items}
      data-testid={`person-proposals-${involvement}`}
      renderItem={(p) => (
        <List.Item key={p.id} data-testid="person-proposal">
          <div className="person-proposal">
            <Link to={`/proposals/${p.id}`}>{p.title}</Link>{" "}
            <Tag color={PROPOSAL_STATUS_COLORS[p.status]}>{t(PROPOSAL_STATUS_KEYS[p.status])}</Tag>
            <Typography.Text type="secondary" className="person-proposal-meta">
              {p.parent.keyResult?.title ?? p.parent.objective.title} ·{" "}
              {t("proposals.backerCount", { count: p.backerCount })}
            </Typography.Text>
            {p.spinOff ? (
              <Link to={`/departments/${p.spinOff.department.id}`} className="person-proposal-meta">
                <ApartmentOutlined /> {p.spinOff.department.name}
              </Link>
            ) : null}
          </div>
        </List.Item>
      )}
    />
  );
}
