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

/**
 * The nonce the server drew for this page's styles (packages/server/src/http/security-headers.ts): Ant
 * Design writes its CSS-in-JS <style> elements with it, so the page's CSP needs no 'unsafe-inline'.
 * Browsers hide a nonce attribute from getAttribute; the property still reads it.
 */
const csp = {
  nonce: document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined,
};

/*
 * A few of Ant Design's helpers (rc-component's scroll locker behind Modal and Drawer, its scrollbar
 * measurement) write a <style> without asking ConfigProvider for the nonce. Every <style> this app's own
 * scripts create gets the page's nonce; a <style> in injected markup is never created here and stays refused.
 */
if (csp.nonce) {
  const nonce = csp.nonce;
  const createElement = Document.prototype.createElement;
  Document.prototype.createElement = function (
    this: Document,
    tagName: string,
    options?: ElementCreationOptions,
  ) {
    const element = createElement.call(this, tagName, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  } as typeof createElement;
}

/**
 * People who ask their system for less motion get none: dialogs and menus appear at once. (The browser
 * specs ask for it too, so no click lands on a dialog still zooming in.)
 */
const reducedMotion = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

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
        csp={csp}
        locale={i18n.language === "zh-CN" ? zhCN : enUS}
        theme={{ token: { colorPrimary: "#1668dc", borderRadius: 8, motion: !reducedMotion } }}
        // "发布", never Ant Design's "发 布": no space slipped between two Chinese characters of a button.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
