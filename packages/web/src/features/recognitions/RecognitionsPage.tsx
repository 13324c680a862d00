import { LikeOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRecognitions } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { RecognitionForm } from "./RecognitionForm.tsx";
import { RecognitionList } from "./RecognitionList.tsx";

/** 表扬: the organization's praise, newest first, and the form to give some. */
export function RecognitionsPage() {
  const { t } = useTranslation();
  const [giving, setGiving] = useState(false);
  const feed = useRecognitions();
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t("recognitions.title")}</h1>
          <Typography.Text type="secondary">{t("recognitions.subtitle")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          <Button
            type="primary"
            icon={<LikeOutlined />}
            onClick={() => setGiving(true)}
            data-testid="recognition-give"
          >
            {t("recognitions.give")}
          </Button>
        </div>
      </div>
      <Card size="small">
        {feed.isPending ? (
          <Loading />
        ) : feed.isError ? (
          <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("recognitions.empty")} />
        ) : (
          <RecognitionList items={items} />
        )}
        {feed.hasNextPage ? (
          <Button type="link" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            {t("recognitions.loadMore")}
          </Button>
        ) : null}
      </Card>
      <RecognitionForm open={giving} onClose={() => setGiving(false)} />
    </>
  );
}
