import { useEffect, useState } from "react";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { api, ApiError } from "../api.ts";
import { useAuth } from "../auth.tsx";
import { navigate } from "../router.tsx";
import type { Session } from "../types.ts";

interface Credentials {
  username: string;
  password: string;
}

function loginError(error: unknown): string {
  if (!(error instanceof ApiError)) return "登录失败，请稍后再试";
  if (error.status === 429) {
    const wait = error.retryAfter ? `，请 ${Math.ceil(error.retryAfter / 60)} 分钟后再试` : "，请稍后再试";
    return `登录失败次数过多${wait}`;
  }
  if (error.status === 401) return error.message || "用户名或密码错误";
  return error.message;
}

/** Where the user was sent from; only paths of this app, never another site ("//host"). */
function returnPath(): string {
  const next = new URLSearchParams(window.location.search).get("next") ?? "/";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}

export default function LoginPage() {
  const { user, signedIn } = useAuth();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (user) navigate(returnPath(), true);
  }, [user]);
  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      signedIn(await api<Session>("/api/auth/login", { method: "POST", body: values, quiet: true }));
    } catch (failure) {
      setError(loginError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f0f2f5" }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          智检 · 政府网站检查监测平台
        </Typography.Title>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        <Form<Credentials>
          layout="vertical"
          onFinish={(values) => void submit(values)}
          data-testid="login-form"
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: "请输入用户名" }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
