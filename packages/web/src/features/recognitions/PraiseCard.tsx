import { LikeOutlined } from "@ant-design/icons";
import { Button, Card, Empty } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRecognitions } from "../../api/queries.ts";
import { Loading } from "../../components/Loading.tsx";
import { RecognitionForm } from "./RecognitionForm.tsx";
import { RecognitionList } from "./RecognitionList.tsx";

/** The home page's corner of praise: the latest three, a way to give some, and the whole feed. */
export function PraiseCard() {
  const { t } = useTranslation();
  const [giving, setGiving] = useState(false);
  const feed = useRecognitions(undefined, 3);
  const items = feed.data?.pages[0]?.items ?? [];
  return (
    <Card
      size="small"
      title={t("recognitions.recent")}
      style={{ marginTop: 16 }}
      data-testid="praise-card"
      extra={<Link to="/recognitions">{t("recognitions.all")}</Link>}
    >
      {feed.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("recognitions.empty")} />
      ) : (
        <RecognitionList items={items} />
      )}
      <Button block icon={<LikeOutlined />} onClick={() => setGiving(true)} data-testid="praise-give">
        {t("recognitions.give")}
      </Button>
      <RecognitionForm open={giving} onClose={() => setGiving(false)} />
    </Card>
  );
}
