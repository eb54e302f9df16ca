import { useMemo } from "react";
import { Alert, Card, Col, Row, Statistic, Typography } from "antd";
import { EChart, escapeHtml, type ChartOption } from "../components/EChart.tsx";
import { percent } from "../labels.ts";
import { Link } from "../router.tsx";
import type { Dashboard } from "../types.ts";
import { useLoad } from "../useLoad.ts";

function indicatorOption(data: Dashboard | undefined): ChartOption {
  const rows = data?.problems.byIndicator ?? [];
  return {
    tooltip: { trigger: "axis" },
    grid: { left: 48, right: 16, top: 24, bottom: 72 },
    xAxis: {
      type: "category",
      data: rows.map((row) => row.label || row.indicator),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      { type: "bar", name: "问题数", data: rows.map((row) => row.count), itemStyle: { color: "#b8272c" } },
    ],
  };
}

function trendOption(data: Dashboard | undefined): ChartOption {
  const rows = data?.trend ?? [];
  return {
    tooltip: { trigger: "axis" },
    legend: { data: ["合格率", "问题数"], top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: "category", data: rows.map((row) => row.period) },
    yAxis: [
      { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      { type: "value", minInterval: 1 },
    ],
    series: [
      { type: "line", name: "合格率", data: rows.map((row) => Math.round(row.passRate * 1000) / 10) },
      { type: "bar", name: "问题数", yAxisIndex: 1, data: rows.map((row) => row.problems), barMaxWidth: 24 },
    ],
  };
}

function availabilityOption(data: Dashboard | undefined): ChartOption {
  const rows = data?.availability ?? [];
  return {
    tooltip: {
      trigger: "axis",
      formatter: (params: unknown) => {
        const index = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const row = rows[index];
        if (!row) return "";
        const avg = row.avgMs === null ? "—" : `${Math.round(row.avgMs)} ms`;
        return `${escapeHtml(row.name)}<br/>可用率 ${percent(row.rate)}（${row.ok}/${row.probes}）<br/>平均响应 ${avg}`;
      },
    },
    grid: { left: 140, right: 32, top: 16, bottom: 24 },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", data: rows.map((row) => row.name), inverse: true },
    series: [
      {
        type: "bar",
        name: "可用率",
        data: rows.map((row) => ({
          value: Math.round(row.rate * 1000) / 10,
          itemStyle: { color: row.rate >= 0.97 ? "#389e0d" : "#cf1322" },
        })),
        barMaxWidth: 18,
      },
    ],
  };
}

function stateOption(data: Dashboard | undefined): ChartOption {
  const entries = Object.entries(data?.problems.byState ?? {}).filter(([, count]) => (count ?? 0) > 0);
  return {
    tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        name: "问题状态",
        radius: ["40%", "68%"],
        data: entries.map(([name, value]) => ({ name, value: value ?? 0 })),
      },
    ],
  };
}

export default function DashboardPage() {
  const { data, error } = useLoad<Dashboard>("/api/dashboard");
  const latest = data?.latestInspection ?? null;
  const options = useMemo(
    () => ({
      indicator: indicatorOption(data),
      trend: trendOption(data),
      availability: availabilityOption(data),
      state: stateOption(data),
    }),
    [data],
  );
  const cards: { testId: string; title: string; value: string; note: string; to?: string }[] = [
    {
      testId: "card-sites",
      title: "监测网站数",
      value: data ? String(data.sites.total) : "—",
      note: data
        ? `门户 ${data.sites.portal} · 部门 ${data.sites.department} · 运行 ${data.sites.running}`
        : "",
    },
    {
      testId: "card-pass-rate",
      title: "最近一次检查合格率",
      value: latest ? percent(latest.passRate) : "—",
      note: latest ? `${latest.period}：合格 ${latest.passed}，不合格 ${latest.failed}` : "尚未完成检查",
    },
    {
      testId: "card-open-problems",
      title: "未整改问题",
      value: data ? String(data.problems.open) : "—",
      note: "待整改、整改中、复查未通过",
      to: "/problems?state=待整改&state=整改中&state=复查未通过",
    },
    {
      testId: "card-overdue",
      title: "逾期问题",
      value: data ? String(data.problems.overdue) : "—",
      note: "超过整改期限",
      to: "/problems?overdue=1",
    },
    {
      testId: "card-error-done-rate",
      title: "找错办结率",
      value: data ? percent(data.errorReports.doneRate) : "—",
      note: data
        ? `共 ${data.errorReports.total} 条，按时办结率 ${percent(data.errorReports.onTimeRate)}`
        : "",
    },
  ];
  return (
    <div data-testid="dashboard">
      <Typography.Title level={3}>监测总览</Typography.Title>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={`总览数据加载失败：${error.message}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.testId} xs={24} sm={12} lg={8} xl={{ flex: "20%" }}>
            <Card data-testid={card.testId}>
              <Statistic title={card.title} value={card.value} />
              {card.to !== undefined ? (
                <Link to={card.to}>{card.note}</Link>
              ) : (
                <Typography.Text type="secondary">{card.note}</Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card title="各指标问题数">
            <EChart
              testId="chart-by-indicator"
              option={options.indicator}
              empty={(data?.problems.byIndicator.length ?? 0) === 0}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="历次检查合格率">
            <EChart testId="chart-trend" option={options.trend} empty={(data?.trend.length ?? 0) === 0} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="近 7 天首页可用率">
            <EChart
              testId="chart-availability"
              option={options.availability}
              empty={(data?.availability.length ?? 0) === 0}
              height={Math.max(300, (data?.availability.length ?? 0) * 28 + 40)}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="问题状态分布">
            <EChart
              testId="chart-by-state"
              option={options.state}
              empty={Object.values(data?.problems.byState ?? {}).every((count) => !count)}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
