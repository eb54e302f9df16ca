import { useState, type HTMLAttributes } from "react";
import { Card, Input, Table, Tag, Typography } from "antd";
import { ExternalLink, VerdictTag } from "../components/bits.tsx";
import { siteKindNames } from "../labels.ts";
import { Link } from "../router.tsx";
import type { SiteRow } from "../types.ts";
import { useLoad } from "../useLoad.ts";

export default function SitesPage() {
  const { data, loading } = useLoad<SiteRow[]>("/api/sites");
  const [search, setSearch] = useState("");
  const needle = search.trim();
  const rows = (data ?? []).filter(
    (site) => needle === "" || site.name.includes(needle) || (site.organizer ?? "").includes(needle),
  );
  return (
    <div data-testid="sites-page">
      <Typography.Title level={3}>网站列表</Typography.Title>
      <Card>
        <Input.Search
          allowClear
          placeholder="按网站名称或主办单位筛选"
          style={{ maxWidth: 320, marginBottom: 16 }}
          onChange={(event) => setSearch(event.target.value)}
          data-testid="sites-search"
        />
        <Table<SiteRow>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          locale={{ emptyText: "暂无网站，请先在“网站与新媒体登记”中登记" }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 个网站` }}
          onRow={(site) => ({ "data-testid": `site-row-${site.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: "网站名称",
              dataIndex: "name",
              render: (name: string, site) => (
                <Link to={`/sites/${site.id}`} data-testid={`site-link-${site.id}`}>
                  {name}
                </Link>
              ),
            },
            { title: "首页地址", dataIndex: "homepage", render: (url: string) => <ExternalLink url={url} /> },
            {
              title: "类型",
              dataIndex: "kind",
              width: 80,
              render: (kind: SiteRow["kind"]) => siteKindNames[kind] ?? kind,
            },
            { title: "主办单位", dataIndex: "organizer", render: (unit: string | null) => unit ?? "—" },
            {
              title: "状态",
              dataIndex: "status",
              width: 80,
              render: (status: string) => <Tag color={status === "运行" ? "green" : "default"}>{status}</Tag>,
            },
            {
              title: "最近检查",
              key: "latest",
              width: 140,
              render: (_: unknown, site) => <VerdictTag latest={site.latest} />,
            },
            {
              title: "未整改问题",
              dataIndex: "openProblems",
              width: 110,
              sorter: (a, b) => a.openProblems - b.openProblems,
              render: (count: number, site) =>
                count > 0 ? <Link to={`/problems?siteId=${site.id}`}>{count}</Link> : count,
            },
          ]}
        />
      </Card>
    </div>
  );
}
