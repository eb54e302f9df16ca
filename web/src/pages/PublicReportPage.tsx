import { useEffect, useState } from "react";
import { Alert, Button, Card, Form, Input, Result, Select, Typography } from "antd";
import { api, ApiError } from "../api.ts";
import type { PublicSite } from "../types.ts";

interface ReportForm {
  siteId: number;
  pageUrl?: string;
  category: string;
  description: string;
  contactName?: string;
  contact?: string;
  website?: string;
}

interface Receipt {
  id: number;
  dueDate: string;
}

/** Fields a server error can be shown on; the token and the honeypot are not among them. */
const visibleFields = ["siteId", "pageUrl", "category", "description", "contactName", "contact"] as const;

const categories = ["错别字", "链接错误", "内容过期", "页面无法访问", "信息不准确", "其他"];

/** Kept off screen rather than display:none, which some bots read as "skip this field". */
const honeypotStyle = {
  position: "absolute",
  left: "-10000px",
  width: 1,
  height: 1,
  overflow: "hidden",
} as const;

/** 我为政府网站找错: the public form, usable without signing in. */
export default function PublicReportPage() {
  const [form] = Form.useForm<ReportForm>();
  const [sites, setSites] = useState<PublicSite[]>([]);
  const [token, setToken] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const [submitError, setSubmitError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt>();

  const fetchToken = () =>
    api<{ token: string }>("/api/public/form-token", { quiet: true }).then(
      ({ token: fresh }) => setToken(fresh),
      (error: unknown) =>
        setLoadError(error instanceof ApiError ? error.message : "表单加载失败，请刷新页面"),
    );

  useEffect(() => {
    document.title = "我为政府网站找错";
    api<PublicSite[]>("/api/public/sites", { quiet: true }).then(setSites, (error: unknown) =>
      setLoadError(error instanceof ApiError ? error.message : "网站列表加载失败，请刷新页面"),
    );
    void fetchToken();
  }, []);

  const submit = async (values: ReportForm) => {
    if (!token) {
      setSubmitError("表单尚未准备好，请稍后再试");
      return;
    }
    setBusy(true);
    setSubmitError(undefined);
    try {
      const body = {
        token,
        siteId: values.siteId,
        pageUrl: values.pageUrl?.trim() || undefined,
        category: values.category,
        description: values.description.trim(),
        contactName: values.contactName?.trim() || undefined,
        contact: values.contact?.trim() || undefined,
        website: values.website ?? "",
      };
      setReceipt(await api<Receipt>("/api/public/error-reports", { method: "POST", body, quiet: true }));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined;
      const field = visibleFields.find((name) => name === apiError?.field);
      if (apiError && field) {
        form.setFields([{ name: field, errors: [apiError.message] }]);
      } else {
        setSubmitError(apiError?.message ?? "提交失败，请稍后再试");
      }
      // A token is single-use or may have aged out; the next try gets a fresh one.
      void fetchToken();
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setReceipt(undefined);
    form.resetFields();
    void fetchToken();
  };

  return (
    <div style={{ minHeight: "100vh", background: "#f0f2f5", padding: "32px 16px" }}>
      <Card style={{ maxWidth: 720, margin: "0 auto" }}>
        <Typography.Title level={2} style={{ textAlign: "center" }}>
          我为政府网站找错
        </Typography.Title>
        {receipt ? (
          <Result
            status="success"
            title="提交成功，感谢您的反馈"
            data-testid="report-receipt"
            subTitle={
              <>
                受理编号：
                <Typography.Text strong copyable data-testid="report-receipt-id">
                  {receipt.id}
                </Typography.Text>
                ，我们将在 <span data-testid="report-receipt-due">{receipt.dueDate}</span> 前答复。
              </>
            }
            extra={
              <Button type="primary" onClick={again} data-testid="report-again">
                继续提交
              </Button>
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              发现政府网站存在错别字、链接无法打开、内容长期未更新等问题，请告诉我们。带 * 的为必填项。
            </Typography.Paragraph>
            {loadError ? (
              <Alert type="error" showIcon title={loadError} style={{ marginBottom: 16 }} />
            ) : null}
            {submitError ? (
              <Alert
                type="error"
                showIcon
                title={submitError}
                style={{ marginBottom: 16 }}
                data-testid="report-error"
              />
            ) : null}
            <Form<ReportForm>
              form={form}
              layout="vertical"
              onFinish={(values) => void submit(values)}
              data-testid="report-form"
            >
              <Form.Item name="siteId" label="网站" rules={[{ required: true, message: "请选择网站" }]}>
                <Select
                  showSearch={{ optionFilterProp: "label" }}
                  placeholder="请选择出现问题的网站"
                  options={sites.map((site) => ({ value: site.id, label: site.name }))}
                  notFoundContent="暂无可选网站"
                  data-testid="report-site"
                />
              </Form.Item>
              <Form.Item
                name="pageUrl"
                label="页面地址"
                rules={[{ type: "url", message: "请输入以 http:// 或 https:// 开头的页面地址" }]}
              >
                <Input
                  placeholder="出现问题的页面地址（选填）"
                  maxLength={2000}
                  data-testid="report-page-url"
                />
              </Form.Item>
              <Form.Item
                name="category"
                label="问题类型"
                rules={[{ required: true, message: "请选择问题类型" }]}
              >
                <Select
                  placeholder="请选择"
                  options={categories.map((category) => ({ value: category, label: category }))}
                  data-testid="report-category"
                />
              </Form.Item>
              <Form.Item
                name="description"
                label="问题描述"
                rules={[{ required: true, whitespace: true, message: "请描述问题" }]}
              >
                <Input.TextArea rows={5} maxLength={2000} showCount data-testid="report-description" />
              </Form.Item>
              <Form.Item name="contactName" label="联系人">
                <Input maxLength={50} placeholder="选填" data-testid="report-contact-name" />
              </Form.Item>
              <Form.Item name="contact" label="联系方式">
                <Input
                  maxLength={100}
                  placeholder="手机号码或电子邮箱（选填），便于我们答复您"
                  data-testid="report-contact"
                />
              </Form.Item>
              {/* Honeypot: people never see or fill it; a bot filling every field gives itself away. */}
              <div style={honeypotStyle} aria-hidden="true">
                <Form.Item name="website" label="网址" initialValue="">
                  <Input name="website" tabIndex={-1} autoComplete="off" data-testid="report-website" />
                </Form.Item>
              </div>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={busy}
                disabled={!token}
                data-testid="report-submit"
              >
                提交
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
