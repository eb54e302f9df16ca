import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from "react";
import { Result, Spin } from "antd";
import { AuthProvider, useAuth } from "./auth.tsx";
import { matchPath, navigate, usePath } from "./router.tsx";
import { Shell } from "./Shell.tsx";
import type { Role } from "./types.ts";

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;

/** Each page is its own chunk, so the public 找错 form does not download the charts. */
function page(load: () => Promise<{ default: ComponentType<{ params: Record<string, string> }> }>): Page {
  return lazy(load);
}

const LoginPage = lazy(() => import("./pages/LoginPage.tsx"));
const PublicReportPage = lazy(() => import("./pages/PublicReportPage.tsx"));

interface Route {
  pattern: string;
  page: Page;
  /** Only these roles see the page (all when absent). */
  roles?: Role[];
}

const routes: Route[] = [
  { pattern: "/", page: page(() => import("./pages/DashboardPage.tsx")) },
  { pattern: "/sites", page: page(() => import("./pages/SitesPage.tsx")) },
  { pattern: "/sites/:id", page: page(() => import("./pages/SiteDetailPage.tsx")) },
  { pattern: "/problems", page: page(() => import("./pages/ProblemsPage.tsx")) },
  { pattern: "/inspections", page: page(() => import("./pages/InspectionsPage.tsx")) },
  { pattern: "/inspections/:id", page: page(() => import("./pages/InspectionDetailPage.tsx")) },
  { pattern: "/registry", page: page(() => import("./pages/RegistryPage.tsx")) },
  { pattern: "/error-reports", page: page(() => import("./pages/ErrorReportsPage.tsx")) },
  { pattern: "/admin", page: page(() => import("./pages/AdminPage.tsx")), roles: ["admin"] },
];

const loading = (
  <div style={{ padding: 48, textAlign: "center" }}>
    <Spin size="large" />
  </div>
);

function SignedInPages({ path }: { path: string }) {
  const { user } = useAuth();
  useEffect(() => {
    if (user === null) {
      const next = window.location.pathname + window.location.search;
      navigate(next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`, true);
    }
  }, [user]);
  if (!user) return loading;
  let content = <Result status="404" title="页面不存在" subTitle="请从左侧菜单选择要查看的内容。" />;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params === null) continue;
    if (route.roles && !route.roles.includes(user.role)) {
      content = <Result status="403" title="无权访问" subTitle="当前角色不能查看此页面。" />;
    } else {
      const Page = route.page;
      content = <Page params={params} />;
    }
    break;
  }
  return (
    <Shell path={path}>
      <Suspense fallback={loading}>{content}</Suspense>
    </Shell>
  );
}

export function Routes() {
  const path = usePath();
  if (path === "/report") {
    return (
      <Suspense fallback={loading}>
        <PublicReportPage />
      </Suspense>
    );
  }
  // The public form never asks who is signed in; every other page sits under the session.
  return (
    <AuthProvider>
      {path === "/login" ? (
        <Suspense fallback={loading}>
          <LoginPage />
        </Suspense>
      ) : (
        <SignedInPages path={path} />
      )}
    </AuthProvider>
  );
}
