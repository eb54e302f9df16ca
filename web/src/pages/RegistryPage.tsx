import { useState } from "react";
import {
  AutoComplete,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { api, notifySuccess } from "../api.ts";
import { useUser } from "../auth.tsx";
import { EditModal } from "../components/EditModal.tsx";
import { ExternalLink } from "../components/bits.tsx";
import { ImportSites, sitesImport, type ImportTarget } from "../components/ImportSites.tsx";
import { siteKindNames } from "../labels.ts";
import { canEditRegistry } from "../permissions.ts";
import type { Account, Site, SiteRow } from "../types.ts";
import { useLoad } from "../useLoad.ts";

type SiteInput = Omit<Site, "id">;
type AccountInput = Omit<Account, "id">;

const newSite: Partial<SiteInput> = { kind: "portal", status: "运行" };
const newAccount: Partial<AccountInput> = {};

/** Empty inputs mean "not given": the API takes null, not "". */
function withNulls<T extends object>(values: T): T {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, value === "" || value === undefined ? null : value]),
  ) as T;
}

const urlRule = { type: "url" as const, message: "请输入以 http:// 或 https:// 开头的地址" };

function SitesTab({ editable }: { editable: boolean }) {
  const sites = useLoad<SiteRow[]>("/api/sites");
  const [editing, setEditing] = useState<{ id?: number; values: Partial<SiteInput> }>();
  const portals = (sites.data ?? []).filter((site) => site.kind === "portal");
  const save = async (values: SiteInput) => {
    const body = withNulls(values);
    if (editing?.id === undefined) await api("/api/sites", { method: "POST", body, quiet: true });
    else await api(`/api/sites/${editing.id}`, { method: "PUT", body, quiet: true });
    notifySuccess(`已保存网站“${values.name}”`);
    setEditing(undefined);
    sites.reload();
  };
  const remove = async (site: SiteRow) => {
    await api(`/api/sites/${site.id}`, { method: "DELETE" });
    notifySuccess(`已删除网站“${site.name}”`);
    sites.reload();
  };
  const create = () => setEditing({ values: newSite });
  return (
    <>
      <Toolbar list="sites" editable={editable} onCreate={create} onImported={sites.reload} />
      <Table<SiteRow>
        rowKey="id"
        loading={sites.loading}
        dataSource={sites.data ?? []}
        locale={{ emptyText: "暂无登记的网站" }}
        scroll={{ x: 1100 }}
        onRow={(site) => ({ "data-testid": `registry-site-row-${site.id}` }) as object}
        columns={[
          { title: "网站名称", dataIndex: "name" },
          { title: "首页地址", dataIndex: "homepage", render: (url: string) => <ExternalLink url={url} /> },
          { title: "网站标识码", dataIndex: "siteIdCode", width: 120 },
          {
            title: "类型",
            dataIndex: "kind",
            width: 70,
            render: (kind: Site["kind"]) => siteKindNames[kind] ?? kind,
          },
          { title: "主办单位", dataIndex: "organizer" },
          { title: "主管单位", dataIndex: "supervisor" },
          { title: "级别", dataIndex: "level", width: 70 },
          { title: "行政区划", dataIndex: "division", width: 90 },
          {
            title: "状态",
            dataIndex: "status",
            width: 70,
            render: (status: string) => <Tag color={status === "运行" ? "green" : "default"}>{status}</Tag>,
          },
          ...(editable
            ? [
                {
                  title: "操作",
                  key: "actions",
                  width: 130,
                  fixed: "right" as const,
                  render: (_: unknown, site: SiteRow) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        type="link"
                        data-testid={`site-edit-${site.id}`}
                        onClick={() => setEditing({ id: site.id, values: site })}
                      >
                        编辑
                      </Button>
                      <Popconfirm
                        title={`删除网站“${site.name}”？`}
                        description="其问题、检查结果与监测记录将一并删除。"
                        okText="删除"
                        cancelText="取消"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(site).catch(() => undefined)}
                      >
                        <Button size="small" type="link" danger data-testid={`site-delete-${site.id}`}>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EditModal<SiteInput>
        open={editing !== undefined}
        title={editing?.id === undefined ? "新增网站" : "编辑网站"}
        initialValues={editing?.values ?? newSite}
        onCancel={() => setEditing(undefined)}
        onSubmit={save}
        testId="site-form"
      >
        {() => (
          <>
            <Form.Item
              name="name"
              label="网站名称"
              rules={[{ required: true, whitespace: true, message: "请填写网站名称" }]}
            >
              <Input data-testid="site-form-name" />
            </Form.Item>
            <Form.Item
              name="homepage"
              label="首页地址"
              rules={[{ required: true, message: "请填写首页地址" }, urlRule]}
            >
              <Input placeholder="https://www.example.gov.cn/" data-testid="site-form-homepage" />
            </Form.Item>
            <Form.Item name="siteIdCode" label="网站标识码">
              <Input data-testid="site-form-site-id-code" />
            </Form.Item>
            <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
              <Select
                options={[
                  { value: "portal", label: "门户网站" },
                  { value: "department", label: "部门网站" },
                ]}
              />
            </Form.Item>
            <Form.Item name="organizer" label="主办单位">
              <Input data-testid="site-form-organizer" />
            </Form.Item>
            <Form.Item name="supervisor" label="主管单位">
              <Input />
            </Form.Item>
            <Form.Item name="level" label="级别">
              <Select
                allowClear
                options={["国务院部门", "省级", "市级", "县级"].map((level) => ({
                  value: level,
                  label: level,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="division"
              label="行政区划代码"
              rules={[{ pattern: /^\d{6}$/, message: "行政区划代码为 6 位数字" }]}
            >
              <Input maxLength={6} />
            </Form.Item>
            <Form.Item name="status" label="运行状态" rules={[{ required: true }]}>
              <Select
                options={["运行", "关停", "上移"].map((status) => ({ value: status, label: status }))}
              />
            </Form.Item>
            <Form.Item name="parentId" label="上级门户">
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                options={portals
                  .filter((site) => site.id !== editing?.id)
                  .map((site) => ({ value: site.id, label: site.name }))}
              />
            </Form.Item>
          </>
        )}
      </EditModal>
    </>
  );
}

const accountsImport: ImportTarget = {
  url: "/api/accounts/import",
  noun: "账号",
  fieldNames: {
    platform: "平台",
    name: "名称",
    organizer: "主办单位",
    url: "链接",
    siteHomepage: "所属网站",
  },
  testId: "accounts-import",
};

/** The two lists of the registry: what their toolbars create, import and export. */
const lists = {
  sites: { target: sitesImport, createTestId: "site-create", exportPath: "/api/sites/export" },
  accounts: { target: accountsImport, createTestId: "account-create", exportPath: "/api/accounts/export" },
};

/**
 * 新增 and 批量导入 for those who may edit, and for everyone the downloads of what the tab lists (the
 * caller's visible part of it) as XLSX or CSV.
 */
function Toolbar(props: {
  list: keyof typeof lists;
  editable: boolean;
  onCreate: () => void;
  onImported: () => void;
}) {
  const { target, createTestId, exportPath } = lists[props.list];
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      {props.editable ? (
        <>
          <Button type="primary" icon={<PlusOutlined />} onClick={props.onCreate} data-testid={createTestId}>
            新增{target.noun}
          </Button>
          <ImportSites onImported={props.onImported} target={target} />
        </>
      ) : null}
      {(["xlsx", "csv"] as const).map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          href={`${exportPath}?format=${format}`}
          data-testid={`${props.list}-export-${format}`}
        >
          {format === "xlsx" ? "导出 Excel" : "导出 CSV"}
        </Button>
      ))}
    </Space>
  );
}

function AccountsTab({ editable }: { editable: boolean }) {
  const accounts = useLoad<Account[]>("/api/accounts");
  const sites = useLoad<SiteRow[]>("/api/sites");
  const [editing, setEditing] = useState<{ id?: number; values: Partial<AccountInput> }>();
  const siteNames = new Map((sites.data ?? []).map((site) => [site.id, site.name]));
  const save = async (values: AccountInput) => {
    const body = withNulls(values);
    if (editing?.id === undefined) await api("/api/accounts", { method: "POST", body, quiet: true });
    else await api(`/api/accounts/${editing.id}`, { method: "PUT", body, quiet: true });
    notifySuccess(`已保存账号“${values.name}”`);
    setEditing(undefined);
    accounts.reload();
  };
  const remove = async (account: Account) => {
    await api(`/api/accounts/${account.id}`, { method: "DELETE" });
    notifySuccess(`已删除账号“${account.name}”`);
    accounts.reload();
  };
  const create = () => setEditing({ values: newAccount });
  return (
    <>
      <Toolbar list="accounts" editable={editable} onCreate={create} onImported={accounts.reload} />
      <Table<Account>
        rowKey="id"
        loading={accounts.loading}
        dataSource={accounts.data ?? []}
        locale={{ emptyText: "暂无登记的政务新媒体账号" }}
        onRow={(account) => ({ "data-testid": `account-row-${account.id}` }) as object}
        columns={[
          { title: "平台", dataIndex: "platform", width: 120 },
          { title: "账号名称", dataIndex: "name" },
          { title: "主办单位", dataIndex: "organizer" },
          { title: "链接", dataIndex: "url", render: (url: string | null) => <ExternalLink url={url} /> },
          {
            title: "所属网站",
            dataIndex: "siteId",
            render: (siteId: number | null) => (siteId === null ? "—" : (siteNames.get(siteId) ?? siteId)),
          },
          ...(editable
            ? [
                {
                  title: "操作",
                  key: "actions",
                  width: 130,
                  render: (_: unknown, account: Account) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        type="link"
                        data-testid={`account-edit-${account.id}`}
                        onClick={() => setEditing({ id: account.id, values: account })}
                      >
                        编辑
                      </Button>
                      <Popconfirm
                        title={`删除账号“${account.name}”？`}
                        okText="删除"
                        cancelText="取消"
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(account).catch(() => undefined)}
                      >
                        <Button size="small" type="link" danger data-testid={`account-delete-${account.id}`}>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EditModal<AccountInput>
        open={editing !== undefined}
        title={editing?.id === undefined ? "新增政务新媒体账号" : "编辑政务新媒体账号"}
        initialValues={editing?.values ?? newAccount}
        onCancel={() => setEditing(undefined)}
        onSubmit={save}
        testId="account-form"
      >
        {() => (
          <>
            <Form.Item
              name="platform"
              label="平台"
              rules={[{ required: true, whitespace: true, message: "请填写平台" }]}
            >
              <AutoComplete
                options={["微信公众号", "微博", "抖音", "快手", "今日头条"].map((platform) => ({
                  value: platform,
                }))}
                data-testid="account-form-platform"
              />
            </Form.Item>
            <Form.Item
              name="name"
              label="账号名称"
              rules={[{ required: true, whitespace: true, message: "请填写账号名称" }]}
            >
              <Input data-testid="account-form-name" />
            </Form.Item>
            <Form.Item name="organizer" label="主办单位">
              <Input />
            </Form.Item>
            <Form.Item name="url" label="链接" rules={[urlRule]}>
              <Input />
            </Form.Item>
            <Form.Item name="siteId" label="所属网站">
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                options={(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))}
              />
            </Form.Item>
          </>
        )}
      </EditModal>
    </>
  );
}

export default function RegistryPage() {
  const user = useUser();
  const editable = canEditRegistry(user.role);
  return (
    <div data-testid="registry-page">
      <Typography.Title level={3}>网站与新媒体登记</Typography.Title>
      <Card>
        <Tabs
          items={[
            {
              key: "sites",
              label: <span data-testid="registry-tab-sites">网站</span>,
              children: <SitesTab editable={editable} />,
            },
            {
              key: "accounts",
              label: <span data-testid="registry-tab-accounts">政务新媒体</span>,
              children: <AccountsTab editable={editable} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
