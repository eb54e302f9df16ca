import { useMemo, useState } from "react";
import { Alert, Card, Descriptions, Result, Space, Table, Tag, Typography } from "antd";
import { EChart, escapeHtml, type ChartOption } from "../components/EChart.tsx";
import { Evidence, ExternalLink, SeverityTag, VerdictTag } from "../components/bits.tsx";
import { ProblemDrawer } from "../components/ProblemDrawer.tsx";
import { ProblemTable } from "../components/ProblemTable.tsx";
import {
  columnVerdictColors,
  columnVerdictNames,
  confidenceNames,
  dateTime,
  percent,
  siteKindNames,
} from "../labels.ts";
import { Link } from "../router.tsx";
import type { ColumnReport, Finding, Probe, Severity, SiteDetail } from "../types.ts";
import { useLoad } from "../useLoad.ts";

function probeOption(probes: Probe[]): ChartOption {
  const sorted = [...probes].sort((a, b) => a.at.localeCompare(b.at));
  const answered = sorted.filter((probe) => probe.ok).map((probe) => [probe.at, probe.totalMs ?? 0]);
  // A failed probe often has no response time; it is drawn on the axis so every failure is seen.
  const failed = sorted
    .filter((probe) => !probe.ok)
    .map((probe) => ({
      value: [probe.at, probe.totalMs ?? 0],
      status: probe.status,
      errorCode: probe.errorCode,
    }));
  return {
    tooltip: {
      trigger: "item",
      formatter: (params: unknown) => {
        const point = params as {
          seriesName: string;
          value: [string, number];
          data: { errorCode?: string | null; status?: number | null };
        };
        const at = dateTime(point.value[0]);
        if (point.seriesName === "失败") {
          const reason = point.data.errorCode ?? (point.data.status ? `HTTP ${point.data.status}` : "无响应");
          return `${at}<br/>访问失败：${escapeHtml(reason)}`;
        }
        return `${at}<br/>响应时间 ${Math.round(point.value[1])} ms`;
      },
    },
    legend: { data: ["响应时间", "失败"] },
    grid: { left: 56, right: 24, top: 40, bottom: 56 },
    xAxis: { type: "time" },
    yAxis: { type: "value", name: "毫秒" },
    dataZoom: [{ type: "inside" }, { type: "slider", height: 18, bottom: 8 }],
    series: [
      { type: "line", name: "响应时间", data: answered, showSymbol: false, smooth: true },
      { type: "scatter", name: "失败", data: failed, symbolSize: 10, itemStyle: { color: "#cf1322" } },
    ],
  };
}

const columnStateNames = { read: "已读取", broken: "无法打开", "not-read": "未读取" } as const;

function ColumnsTable({ columns }: { columns: ColumnReport[] }) {
  return (
    <Table<ColumnReport>
      data-testid="columns-table"
      size="small"
      rowKey={(column) => `${column.url}|${column.name}`}
      dataSource={columns}
      locale={{ emptyText: "暂无栏目数据（尚未完成抓取或检查）" }}
      pagination={{ pageSize: 15 }}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: "栏目",
          dataIndex: "name",
          render: (name: string, column) => (
            <Space orientation="vertical" size={0}>
              <ExternalLink url={column.url} text={name} />
              {column.parentName ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  上级：{column.parentName}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        { title: "级别", dataIndex: "level", width: 70, render: (level: number) => `${level} 级` },
        { title: "类型", dataIndex: "type", width: 110 },
        {
          title: "读取",
          dataIndex: "state",
          width: 100,
          render: (state: ColumnReport["state"], column) =>
            state === "broken" ? (
              <Tag color="red">
                {columnStateNames.broken}
                {column.status ? `（${column.status}）` : ""}
              </Tag>
            ) : (
              (columnStateNames[state] ?? state)
            ),
        },
        { title: "条目数", dataIndex: "items", width: 80 },
        {
          title: "最新更新",
          key: "newest",
          width: 120,
          render: (_: unknown, column) =>
            column.newest?.date ?? (column.placeholder ? column.placeholder : "—"),
        },
        {
          title: "更新情况",
          dataIndex: "verdict",
          width: 120,
          filters: Object.entries(columnVerdictNames).map(([value, text]) => ({ value, text })),
          onFilter: (value, column) => column.verdict === value,
          render: (verdict: ColumnReport["verdict"], column) => (
            <Space size={4}>
              <Tag color={columnVerdictColors[verdict] ?? "default"}>
                {columnVerdictNames[verdict] ?? verdict}
              </Tag>
              {column.key ? <Tag color="purple">重点</Tag> : null}
            </Space>
          ),
        },
        { title: "说明", dataIndex: "reason" },
      ]}
    />
  );
}

function FindingsTable({ findings }: { findings: Finding[] }) {
  return (
    <Table<Finding>
      data-testid="findings-table"
      size="small"
      rowKey="fingerprint"
      dataSource={findings}
      locale={{ emptyText: "暂无发现" }}
      pagination={{ pageSize: 15 }}
      scroll={{ x: 1000 }}
      expandable={{ expandedRowRender: (finding) => <Evidence evidence={finding.evidence} /> }}
      columns={[
        {
          title: "严重程度",
          dataIndex: "severity",
          width: 100,
          render: (severity: Severity) => <SeverityTag severity={severity} />,
        },
        { title: "指标", dataIndex: "indicator", width: 180, render: (value: string | null) => value ?? "—" },
        { title: "问题", dataIndex: "message" },
        {
          title: "可信度",
          dataIndex: "confidence",
          width: 100,
          render: (value: Finding["confidence"]) => confidenceNames[value] ?? value,
        },
        {
          title: "页面",
          dataIndex: "url",
          width: 260,
          ellipsis: true,
          render: (url: string) => <ExternalLink url={url} />,
        },
        { title: "位置", dataIndex: "locator", width: 180, ellipsis: true },
      ]}
    />
  );
}

export default function SiteDetailPage({ params }: { params: Record<string, string> }) {
  const { data, loading, error, reload } = useLoad<SiteDetail>(
    `/api/sites/${encodeURIComponent(params.id ?? "")}`,
  );
  const [openId, setOpenId] = useState<number>();
  const probes = data?.probes;
  const option = useMemo(() => probeOption(probes ?? []), [probes]);
  if (error?.status === 404) {
    return <Result status="404" title="网站不存在或无权查看" extra={<Link to="/sites">返回网站列表</Link>} />;
  }
  if (!data) {
    return (
      <Card loading={loading}>
        {error ? <Alert type="error" showIcon title={`网站信息加载失败：${error.message}`} /> : null}
      </Card>
    );
  }
  const { site } = data;
  const available = data.probes.filter((probe) => probe.ok).length;
  return (
    <div data-testid="site-detail">
      <Space align="center" style={{ marginBottom: 16 }}>
        <Link to="/sites">网站列表</Link>
        <span>/</span>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {site.name}
        </Typography.Title>
        <VerdictTag latest={data.latest} />
      </Space>
      <Card title="网站信息" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          size="small"
          data-testid="site-facts"
          items={[
            {
              label: "首页地址",
              children: <ExternalLink url={site.homepage} />,
            },
            { label: "网站标识码", children: site.siteIdCode ?? "—" },
            { label: "类型", children: siteKindNames[site.kind] ?? site.kind },
            { label: "主办单位", children: site.organizer ?? "—" },
            { label: "主管单位", children: site.supervisor ?? "—" },
            { label: "级别", children: site.level ?? "—" },
            { label: "行政区划", children: site.division ?? "—" },
            { label: "运行状态", children: site.status },
            {
              label: "近 7 天可用率",
              children:
                data.probes.length === 0
                  ? "暂无监测数据"
                  : `${percent(available / data.probes.length)}（${available}/${data.probes.length}）`,
            },
          ]}
        />
      </Card>
      <Card title="首页监测（近 7 天）" style={{ marginBottom: 16 }}>
        <EChart testId="chart-probes" option={option} empty={data.probes.length === 0} />
      </Card>
      <Card title={`栏目更新（${data.columns.length}）`} style={{ marginBottom: 16 }}>
        <ColumnsTable columns={data.columns} />
      </Card>
      <Card title={`检查发现（${data.findings.length}）`} style={{ marginBottom: 16 }}>
        <FindingsTable findings={data.findings} />
      </Card>
      <Card title={`问题（${data.problems.length}）`}>
        <ProblemTable
          problems={data.problems}
          loading={loading}
          onOpen={setOpenId}
          onChanged={reload}
          hideSite
        />
      </Card>
      <ProblemDrawer problemId={openId} onClose={() => setOpenId(undefined)} onChanged={reload} />
    </div>
  );
}
