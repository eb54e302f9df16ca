import type { ReactNode } from "react";
import { Button, Layout, Menu, Space, Tag, Typography } from "antd";
import {
  AlertOutlined,
  AuditOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  GlobalOutlined,
  MailOutlined,
  SettingOutlined,
  LogoutOutlined,
} from "@ant-design/icons";
import { useAuth, useUser } from "./auth.tsx";
import { roleNames } from "./labels.ts";
import { Link, navigate } from "./router.tsx";
import type { Role } from "./types.ts";

interface MenuEntry {
  path: string;
  label: string;
  testId: string;
  icon: ReactNode;
  roles?: Role[];
}

const entries: MenuEntry[] = [
  { path: "/", label: "监测总览", testId: "menu-dashboard", icon: <DashboardOutlined /> },
  { path: "/sites", label: "网站列表", testId: "menu-sites", icon: <GlobalOutlined /> },
  { path: "/problems", label: "问题清单", testId: "menu-problems", icon: <AlertOutlined /> },
  { path: "/inspections", label: "检查任务", testId: "menu-inspections", icon: <AuditOutlined /> },
  { path: "/registry", label: "网站与新媒体登记", testId: "menu-registry", icon: <DatabaseOutlined /> },
  { path: "/error-reports", label: "找错信箱", testId: "menu-error-reports", icon: <MailOutlined /> },
  { path: "/admin", label: "用户与告警", testId: "menu-admin", icon: <SettingOutlined />, roles: ["admin"] },
];

/** The menu entry a path belongs to: /sites/3 highlights 网站列表. */
function selectedEntry(path: string): string {
  const found = entries
    .filter((entry) => entry.path !== "/" && (path === entry.path || path.startsWith(`${entry.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return found?.path ?? "/";
}

export function Shell({ path, children }: { path: string; children: ReactNode }) {
  const user = useUser();
  const { logout } = useAuth();
  const items = entries
    .filter((entry) => !entry.roles || entry.roles.includes(user.role))
    .map((entry) => ({
      key: entry.path,
      icon: entry.icon,
      label: (
        <Link to={entry.path} data-testid={entry.testId}>
          {entry.label}
        </Link>
      ),
    }));
  const signOut = async () => {
    await logout();
    navigate("/login", true);
  };
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} theme="dark">
        <div style={{ color: "#fff", fontSize: 18, fontWeight: 600, padding: "18px 24px" }}>智检平台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedEntry(path)]}
          items={items}
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: "#fff", padding: "0 24px", display: "flex", justifyContent: "flex-end" }}
        >
          <Space size="middle">
            <Typography.Text data-testid="current-user">{user.displayName || user.username}</Typography.Text>
            <Tag color="blue" data-testid="current-role">
              {roleNames[user.role]}
            </Tag>
            {user.unit ? <Typography.Text type="secondary">{user.unit}</Typography.Text> : null}
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
