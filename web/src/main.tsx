import { StrictMode, useEffect } from "react";
import { createRoot } from "react-dom/client";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { setToast } from "./api.ts";
import { Routes } from "./Routes.tsx";

/** Hands the context-aware message API to the API client, which lives outside React. */
function ToastBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => setToast(message), [message]);
  return null;
}

const root = document.getElementById("root");
if (root === null) throw new Error("页面缺少 #root 容器");

createRoot(root).render(
  <StrictMode>
    {/* No space inserted between two-character labels: "确认" stays "确认" for people and tests alike. */}
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: "#b8272c" } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <ToastBridge />
        <Routes />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
