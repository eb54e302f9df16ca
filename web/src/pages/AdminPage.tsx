import { useState } from "react";
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { api, notifySuccess } from "../api.ts";
import { EditModal } from "../components/EditModal.tsx";
import { roleNames } from "../labels.ts";
import type { AlertChannel, AlertEvent, Role, User } from "../types.ts";
import { useLoad } from "../useLoad.ts";

interface UserInput {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  unit?: string | null;
  disabled?: boolean;
}

type ChannelInput = Omit<AlertChannel, "id" | "enabled">;

const roleOptions = (Object.keys(roleNames) as Role[]).map((role) => ({
  value: role,
  label: roleNames[role],
}));

const eventNames: Record<AlertEvent, string> = { veto: "单项否决", severe: "严重问题", digest: "每日汇总" };
const channelKindNames: Record<AlertChannel["kind"], string> = {
  email: "电子邮件",
  wecom: "企业微信",
  dingtalk: "钉钉",
};

const passwordRule = { min: 8, message: "密码至少 8 个字符" };

function UsersCard() {
  const users = useLoad<User[]>("/api/users");
  const [editing, setEditing] = useState<{ user?: User; resetOnly?: boolean }>();
  const save = async (values: UserInput) => {
    const body = { ...values, unit: values.role === "owner" ? values.unit?.trim() || null : null };
    if (!body.password) delete body.password;
    if (editing?.user === undefined) await api("/api/users", { method: "POST", body, quiet: true });
    else await api(`/api/users/${editing.user.id}`, { method: "PUT", body, quiet: true });
    notifySuccess(editing?.resetOnly ? `已重置“${values.username}”的密码` : `已保存用户“${values.username}”`);
    setEditing(undefined);
    users.reload();
  };
  const setDisabled = async (user: User, disabled: boolean) => {
    await api(`/api/users/${user.id}`, {
      method: "PUT",
      body: {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        unit: user.unit,
        disabled,
      },
    });
    notifySuccess(disabled ? `已停用“${user.username}”` : `已启用“${user.username}”`);
    users.reload();
  };
  const resetOnly = editing?.resetOnly === true;
  return (
    <Card
      title="用户"
      style={{ marginBottom: 16 }}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({})}
          data-testid="user-create"
        >
          新增用户
        </Button>
      }
    >
      <Table<User>
        rowKey="id"
        loading={users.loading}
        dataSource={users.data ?? []}
        locale={{ emptyText: "暂无用户" }}
        onRow={(user) => ({ "data-testid": `user-row-${user.id}` }) as object}
        columns={[
          { title: "用户名", dataIndex: "username" },
          { title: "姓名", dataIndex: "displayName" },
          {
            title: "角色",
            dataIndex: "role",
            render: (role: Role) => <Tag color="blue">{roleNames[role] ?? role}</Tag>,
          },
          { title: "主办单位", dataIndex: "unit", render: (unit: string | null) => unit ?? "—" },
          {
            title: "启用",
            dataIndex: "disabled",
            width: 80,
            render: (disabled: boolean | undefined, user) => (
              <Switch
                size="small"
                checked={!disabled}
                onChange={(enabled) => void setDisabled(user, !enabled).catch(() => undefined)}
                data-testid={`user-enabled-${user.id}`}
              />
            ),
          },
          {
            title: "操作",
            key: "actions",
            width: 170,
            render: (_: unknown, user) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEditing({ user })}
                  data-testid={`user-edit-${user.id}`}
                >
                  编辑
                </Button>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEditing({ user, resetOnly: true })}
                  data-testid={`user-reset-password-${user.id}`}
                >
                  重置密码
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <EditModal<UserInput>
        open={editing !== undefined}
        title={
          editing?.user === undefined
            ? "新增用户"
            : resetOnly
              ? `重置密码：${editing.user.username}`
              : "编辑用户"
        }
        initialValues={
          editing?.user ? { ...editing.user, disabled: editing.user.disabled ?? false } : { role: "readonly" }
        }
        onCancel={() => setEditing(undefined)}
        onSubmit={save}
        testId="user-form"
      >
        {(form) => (
          <>
            <div style={resetOnly ? { display: "none" } : undefined}>
              <Form.Item
                name="username"
                label="用户名"
                rules={[{ required: true, whitespace: true, message: "请填写用户名" }]}
              >
                <Input
                  autoComplete="off"
                  disabled={editing?.user !== undefined}
                  data-testid="user-form-username"
                />
              </Form.Item>
              <Form.Item
                name="displayName"
                label="姓名"
                rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
              >
                <Input data-testid="user-form-display-name" />
              </Form.Item>
              <Form.Item name="role" label="角色" rules={[{ required: true, message: "请选择角色" }]}>
                <Select options={roleOptions} data-testid="user-form-role" />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(before, after) => before.role !== after.role}>
                {() =>
                  form.getFieldValue("role") === "owner" ? (
                    <Form.Item
                      name="unit"
                      label="主办单位"
                      extra="与网站登记的主办单位一致，该用户只能看到这些网站"
                      rules={[{ required: true, whitespace: true, message: "主办单位用户须填写所属单位" }]}
                    >
                      <Input data-testid="user-form-unit" />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </div>
            <Form.Item
              name="password"
              label={editing?.user === undefined ? "初始密码" : "新密码"}
              extra={editing?.user !== undefined && !resetOnly ? "留空则不修改密码" : undefined}
              rules={[
                { required: editing?.user === undefined || resetOnly, message: "请填写密码" },
                passwordRule,
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="user-form-password" />
            </Form.Item>
          </>
        )}
      </EditModal>
    </Card>
  );
}

function ChannelsCard() {
  const channels = useLoad<AlertChannel[]>("/api/alert-channels");
  const [creating, setCreating] = useState(false);
  const [testing, setTesting] = useState<number>();
  const create = async (values: ChannelInput) => {
    await api("/api/alert-channels", {
      method: "POST",
      body: { ...values, secret: values.secret || undefined },
      quiet: true,
    });
    notifySuccess(`已添加告警渠道“${values.name}”`);
    setCreating(false);
    channels.reload();
  };
  const remove = async (channel: AlertChannel) => {
    await api(`/api/alert-channels/${channel.id}`, { method: "DELETE" });
    notifySuccess(`已删除告警渠道“${channel.name}”`);
    channels.reload();
  };
  const test = async (channel: AlertChannel) => {
    setTesting(channel.id);
    try {
      await api(`/api/alert-channels/${channel.id}/test`, { method: "POST" });
      notifySuccess(`测试消息已发送到“${channel.name}”`);
    } catch {
      // The API client shows why sending failed.
    } finally {
      setTesting(undefined);
    }
  };
  return (
    <Card
      title="告警渠道"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="channel-create"
        >
          新增渠道
        </Button>
      }
    >
      <Table<AlertChannel>
        rowKey="id"
        loading={channels.loading}
        dataSource={channels.data ?? []}
        locale={{ emptyText: "暂无告警渠道" }}
        onRow={(channel) => ({ "data-testid": `channel-row-${channel.id}` }) as object}
        columns={[
          { title: "名称", dataIndex: "name" },
          {
            title: "类型",
            dataIndex: "kind",
            width: 100,
            render: (kind: AlertChannel["kind"]) => channelKindNames[kind] ?? kind,
          },
          { title: "地址", dataIndex: "target", ellipsis: true },
          {
            title: "告警类别",
            dataIndex: "events",
            render: (events: AlertEvent[]) =>
              events.map((event) => <Tag key={event}>{eventNames[event] ?? event}</Tag>),
          },
          {
            title: "操作",
            key: "actions",
            width: 170,
            render: (_: unknown, channel) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  loading={testing === channel.id}
                  onClick={() => void test(channel)}
                  data-testid={`channel-test-${channel.id}`}
                >
                  发送测试
                </Button>
                <Popconfirm
                  title={`删除告警渠道“${channel.name}”？`}
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(channel).catch(() => undefined)}
                >
                  <Button size="small" type="link" danger data-testid={`channel-delete-${channel.id}`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <EditModal<ChannelInput>
        open={creating}
        title="新增告警渠道"
        initialValues={{ kind: "email", events: ["veto", "severe"] }}
        onCancel={() => setCreating(false)}
        onSubmit={create}
        testId="channel-form"
      >
        {(form) => (
          <>
            <Form.Item
              name="name"
              label="名称"
              rules={[{ required: true, whitespace: true, message: "请填写名称" }]}
            >
              <Input data-testid="channel-form-name" />
            </Form.Item>
            <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
              <Select
                options={(Object.keys(channelKindNames) as AlertChannel["kind"][]).map((kind) => ({
                  value: kind,
                  label: channelKindNames[kind],
                }))}
                data-testid="channel-form-kind"
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(before, after) => before.kind !== after.kind}>
              {() => {
                const kind = form.getFieldValue("kind") as AlertChannel["kind"] | undefined;
                return (
                  <>
                    <Form.Item
                      name="target"
                      label={kind === "email" ? "收件邮箱" : "Webhook 地址"}
                      rules={[
                        { required: true, whitespace: true, message: "请填写地址" },
                        kind === "email"
                          ? { type: "email", message: "请输入有效的邮箱地址" }
                          : { type: "url", message: "请输入有效的 Webhook 地址" },
                      ]}
                    >
                      <Input data-testid="channel-form-target" />
                    </Form.Item>
                    {kind === "dingtalk" ? (
                      <Form.Item name="secret" label="加签密钥" extra="钉钉机器人启用“加签”时填写">
                        <Input.Password autoComplete="off" />
                      </Form.Item>
                    ) : null}
                  </>
                );
              }}
            </Form.Item>
            <Form.Item name="events" label="告警类别" rules={[{ required: true, message: "请至少选择一类" }]}>
              <Checkbox.Group
                options={(Object.keys(eventNames) as AlertEvent[]).map((event) => ({
                  value: event,
                  label: eventNames[event],
                }))}
              />
            </Form.Item>
          </>
        )}
      </EditModal>
    </Card>
  );
}

export default function AdminPage() {
  return (
    <div data-testid="admin-page">
      <Typography.Title level={3}>用户与告警</Typography.Title>
      <UsersCard />
      <ChannelsCard />
    </div>
  );
}
