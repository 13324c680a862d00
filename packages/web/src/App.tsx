import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RouterProvider } from "react-router/dom";
import { onUnauthorized } from "./api/client.ts";
import { createQueryClient, queryKeys } from "./api/queries.ts";
import { createAppRouter } from "./routes/router.tsx";

export function App() {
  const { i18n } = useTranslation();
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // A session that ends anywhere sends the user back to sign-in: RequireSession asks /session again.
    onUnauthorized(() => void client.invalidateQueries({ queryKey: queryKeys.session }));
    return client;
  });
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === "zh-CN" ? zhCN : enUS}
        theme={{ token: { colorPrimary: "#1668dc", borderRadius: 8 } }}
      >
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
