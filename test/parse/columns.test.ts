import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDocument } from "htmlparser2";
import { siteModules } from "../../demo/content/index.ts";
import { demoSites } from "../../demo/sites.ts";
import {
  discoverColumns,
  looksLikeColumnUrl,
  type ColumnLink,
  type PageColumns,
} from "../../src/parse/columns.ts";
import { readDemoPage } from "../helpers/demoFiles.ts";
import { readLabels, readRealPage, realPageFiles, realPagesSkip } from "../helpers/realPages.ts";

function columnsOf(url: string): PageColumns {
  const html = readDemoPage(url);
  assert.ok(html !== null, `no demo file for ${url}`);
  return discoverColumns(parseDocument(html), url);
}

/** Every link of a list and of its children. */
function flat(links: ColumnLink[]): ColumnLink[] {
  return links.flatMap((l) => [l, ...flat(l.children)]);
}

function has(links: ColumnLink[], name: string, url: string): boolean {
  return flat(links).some((l) => l.name === name && l.url === url);
}

const names = (links: ColumnLink[]): string[] => links.map((l) => l.name);

describe("discoverColumns on the demo sites", () => {
  const expectedNav: Record<string, string[]> = {
    "www.demo-city.gov.cn": [
      "政务动态",
      "通知公告",
      "政策文件",
      "政策解读",
      "办事服务",
      "互动交流",
      "机构概况",
    ],
    "fgw.demo-city.gov.cn": [
      "机构概况",
      "工作动态",
      "通知公告",
      "政策文件",
      "政策解读",
      "发展规划",
      "价格管理",
      "互动交流",
    ],
    "www.demo-county.gov.cn": [
      "新闻中心",
      "通知公告",
      "政策文件",
      "政策解读",
      "政务公开",
      "办事服务",
      "互动交流",
      "走进演示",
    ],
    "jyj.demo-city.gov.cn": [
      "教育新闻",
      "通知公告",
      "政策文件",
      "招生考试",
      "办事指南",
      "局长信箱",
      "在线访谈",
      "机构概况",
    ],
  };

  for (const site of demoSites) {
    describe(site.host, () => {
      const home = columnsOf(site.homepage);

      it("reads the main menu without 首页", () => {
        assert.deepEqual(names(home.nav), expectedNav[site.host]);
        for (const item of home.nav)
          assert.match(item.url, new RegExp(`^http://${site.host.replace(/\./g, "\\.")}/`));
      });

      it("finds every first-level column on the homepage, with its name", () => {
        for (const column of site.columns.filter((c) => c.parent === undefined)) {
          assert.ok(
            has([...home.nav, ...home.blocks], column.name, column.url),
            `${column.name} ${column.url}`,
          );
        }
      });

      it("finds every second-level column on its first-level page, under that parent", () => {
        for (const column of site.columns.filter((c) => c.parent !== undefined)) {
          const parent = home.nav.find((n) => n.name === column.parent);
          assert.ok(parent, `parent ${column.parent} in the menu`);
          const page = columnsOf(parent.url);
          assert.ok(
            has(page.subNav, column.name, column.url),
            `${column.name} in the sub menu of ${parent.url}`,
          );
          assert.equal(page.breadcrumb.at(-1)?.name, column.parent);
          assert.equal(page.meta.name, column.parent);
        }
      });

      it("never nests a second-level column under the wrong parent on the homepage", () => {
        for (const column of site.columns.filter((c) => c.parent !== undefined)) {
          for (const entry of [...home.nav, ...home.blocks]) {
            if (entry.children.some((c) => c.url === column.url))
              assert.equal(entry.name, column.parent, column.name);
          }
        }
      });

      it("reads the breadcrumb and metas of every column page", () => {
        for (const column of site.columns) {
          const page = columnsOf(column.url);
          const trail = page.breadcrumb.map((c) => c.name);
          const expected =
            column.parent === undefined ? ["首页", column.name] : ["首页", column.parent, column.name];
          assert.deepEqual(trail, expected, column.url);
          assert.equal(page.breadcrumb[0]?.url, site.homepage);
          assert.equal(page.meta.name, column.name);
          // jyj leaves ColumnType out on purpose (a planted meta defect).
          assert.equal(page.meta.type, site.host === "jyj.demo-city.gov.cn" ? undefined : column.typeLabel);
        }
      });

      it("puts only sibling columns in a second-level page's side menu (all of them where the template has one)", () => {
        for (const column of site.columns.filter((c) => c.parent !== undefined)) {
          const page = columnsOf(column.url);
          const urls = new Set(flat(page.subNav).map((l) => l.url));
          for (const other of site.columns.filter((c) => c.parent !== column.parent))
            assert.ok(!urls.has(other.url));
          // Only the city's template shows a side menu (div.side) on second-level pages.
          if (site.host !== "www.demo-city.gov.cn") continue;
          for (const sibling of site.columns.filter((c) => c.parent === column.parent)) {
            assert.ok(has(page.subNav, sibling.name, sibling.url), sibling.name);
          }
        }
      });
    });
  }

  it("groups homepage entry links under their block (办事服务 → 办事指南, 互动交流 → 在线访谈)", () => {
    const city = demoSites.find((s) => s.host === "www.demo-city.gov.cn")!;
    const home = columnsOf(city.homepage);
    const service = home.blocks.find((b) => b.name === "办事服务");
    assert.equal(service?.url, "http://www.demo-city.gov.cn/bsfw/");
    assert.ok(has(service.children, "办事指南", "http://www.demo-city.gov.cn/bsfw/bszn/"));
    const talk = home.blocks.find((b) => b.name === "互动交流");
    assert.deepEqual(
      talk?.children.slice(0, 3).map((c) => c.name),
      ["咨询留言", "调查征集", "在线访谈"],
    );
    // 友情链接 lists other sites, not columns of this one.
    assert.ok(!has(home.blocks, "示范市人力资源和社会保障局", "http://www.demo-city.gov.cn/bmwz/rsj/"));
    // An image link names its block entry by the image's alt text.
    assert.ok(has(home.blocks, "优化营商环境专题", "http://www.demo-city.gov.cn/zt/2026yshj/"));
  });

  it("keeps the homepage free of a side menu", () => {
    for (const site of demoSites) assert.deepEqual(columnsOf(site.homepage).subNav, []);
  });
});

describe("discoverColumns on markup variants", () => {
  const at = "http://www.example.gov.cn/a/b/index.html";
  const run = (html: string, url = at): PageColumns => discoverColumns(parseDocument(html), url);

  it("nests dropdown menus and gives a heading without a page of its own an empty url", () => {
    const r = run(`<body><nav><ul>
      <li><a href="/">网站首页</a></li>
      <li><a href="/xwzx/">新闻中心</a><ul><li><a href="/xwzx/gzdt/">工作动态</a></li><li><a href="/xwzx/tpxw/">图片新闻</a></li></ul></li>
      <li><a href="javascript:;">信息公开</a><div class="sub"><a href="/xxgk/zn/">公开指南</a><a href="/xxgk/nb/">公开年报</a></div></li>
      <li><span>互动交流</span><ul><li><a href="/hdjl/xx/">书记信箱</a></li></ul></li>
      <li><a href="#">English</a></li><li><a href="/wza/">无障碍</a></li><li><a href="/login.html">登录</a></li>
    </ul></nav></body>`);
    assert.deepEqual(names(r.nav), ["新闻中心", "信息公开", "互动交流"]);
    assert.deepEqual(names(r.nav[0]!.children), ["工作动态", "图片新闻"]);
    assert.equal(r.nav[0]!.children[0]!.url, "http://www.example.gov.cn/xwzx/gzdt/");
    assert.equal(r.nav[1]!.url, "");
    assert.deepEqual(names(r.nav[1]!.children), ["公开指南", "公开年报"]);
    assert.equal(r.nav[2]!.url, "");
  });

  it("reads a table of header links and a div of bare links separated by |", () => {
    const table =
      run(`<table class="topnav"><tr><td><a href="/">首 页</a></td><td><a href="../zwgk/">政务公开</a></td>
      <td><a href="../bsfw/">办事服务</a></td><td><a href="../hdjl/">互动交流</a></td><td><a href="mailto:a@b.cn">信箱</a></td></tr></table>`);
    assert.deepEqual(names(table.nav), ["政务公开", "办事服务", "互动交流"]);
    assert.equal(table.nav[0]!.url, "http://www.example.gov.cn/a/zwgk/");
    const bare =
      run(`<div id="mainmenu"><a href="/">首页</a> | <a href="/a/">要闻动态</a> | <a href="/b/">通知公告</a> |
      <a href="/c/">政策文件</a> | <a href="/d/">政策解读</a></div>`);
    assert.deepEqual(names(bare.nav), ["要闻动态", "通知公告", "政策文件", "政策解读"]);
  });

  it("resolves against <base href> and drops fragment-only and script links", () => {
    const r = run(`<head><base href="http://cms.example.gov.cn/site/"></head><body><div class="menu">
      <a href="tzgg/">通知公告</a><a href="zcwj/">政策文件</a><a href="#top">回到顶部</a><a href="javascript:void(0)">打印</a>
      <a href="http://www.other.gov.cn/x/">外站栏目</a></div></body>`);
    assert.deepEqual(
      r.nav.map((n) => n.url),
      [
        "http://cms.example.gov.cn/site/tzgg/",
        "http://cms.example.gov.cn/site/zcwj/",
        "http://www.other.gov.cn/x/",
      ],
    );
  });

  it("reads breadcrumbs with >, >>, », ›, / and the usual class names", () => {
    const cases: [string, string[]][] = [
      [
        `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>`,
        ["首页", "政务公开", "通知公告"],
      ],
      [
        `<p class="location"><a href="/">首页</a> » <a href="/xw/">新闻</a> » 正文</p>`,
        ["首页", "新闻", "正文"],
      ],
      [`<div class="crumbs"><a href="/">首页</a> › <a href="/bs/">办事</a></div>`, ["首页", "办事"]],
      [
        `<div class="dqwz"><a href="/">首页</a> / <a href="/zc/">政策</a> / <span>解读</span></div>`,
        ["首页", "政策", "解读"],
      ],
      [`<td>您现在的位置：首页 &gt;&gt; 信息公开 &gt;&gt; 年报</td>`, ["首页", "信息公开", "年报"]],
      [
        `<ul class="bread"><li><a href="/">首页</a></li><li><a href="/a/">机构概况</a></li></ul>`,
        ["首页", "机构概况"],
      ],
    ];
    for (const [html, expected] of cases) assert.deepEqual(names2(run(html).breadcrumb), expected, html);
    const linked = run(
      `<div class="position">当前位置：<a href="/">首页</a> &gt; 通知公告 2026年11月20日 星期五</div>`,
    );
    assert.deepEqual(linked.breadcrumb, [
      { name: "首页", url: "http://www.example.gov.cn/" },
      { name: "通知公告", url: null },
    ]);
  });

  it("reads ColumnName/ColumnType with any letter case, unquoted, and ignores empty values", () => {
    const r = run(
      `<head><meta name="COLUMNNAME" content=通知公告><meta name="columntype" content=""></head>`,
    );
    assert.deepEqual(r.meta, { name: "通知公告" });
  });

  it("takes a block heading's own link when it has no 更多 link, and a tab strip's tabs as blocks", () => {
    const r = run(
      `<body><div class="box"><div class="title"><a href="/tzgg/">通知公告</a></div>
      <ul><li><a href="/tzgg/202611/t20261101_1.html">关于放假的通知</a></li></ul></div>
      <div class="box2"><div class="hd"><ul class="tab"><li><a href="/zcwj/">政策文件</a></li><li><a href="/zcjd/">政策解读</a></li></ul></div>
      <div class="bd"><a href="/zcwj/202611/t20261101_2.html">某文件</a></div></div>
      <div class="box3"><h3>专题专栏</h3><a href="/zt/a/"><img src="a.jpg" alt="营商环境专题"></a></div>
      <div class="box4"><span class="tit">数据发布</span><a class="more" href="/sjfb/"><img src="more.gif"></a></div></body>`,
      "http://www.example.gov.cn/",
    );
    assert.deepEqual(
      r.blocks.map((b) => [b.name, b.url]),
      [
        ["通知公告", "http://www.example.gov.cn/tzgg/"],
        ["营商环境专题", "http://www.example.gov.cn/zt/a/"],
        ["数据发布", "http://www.example.gov.cn/sjfb/"],
        ["政策文件", "http://www.example.gov.cn/zcwj/"],
        ["政策解读", "http://www.example.gov.cn/zcjd/"],
      ],
    );
  });

  it("never throws, on empty or odd documents", () => {
    for (const html of [
      "",
      "<html>",
      "<a href=>",
      "<div class='nav'><a href='http://['>坏链接</a></div>",
      "<meta name=ColumnName>",
    ]) {
      const r = run(html, "not a url");
      assert.ok(Array.isArray(r.nav) && Array.isArray(r.blocks) && Array.isArray(r.breadcrumb));
    }
  });

  it("stays fast on a large page", () => {
    const row = `<li><a href="/xw/202611/t20261101_1.html">一条很长的新闻标题用于测试列表页</a><span>2026-11-01</span></li>`;
    const html =
      `<div class="nav"><ul>${"<li><a href='/a/'>栏目</a></li>".repeat(10)}</ul></div>` +
      `<div class="box"><h3>新闻</h3><a class="more" href="/xw/">更多</a><ul>${row.repeat(20000)}</ul></div>`;
    const dom = parseDocument(html);
    const start = performance.now();
    discoverColumns(dom, "http://www.example.gov.cn/xw/");
    assert.ok(performance.now() - start < 2000);
  });
});

function names2(crumbs: { name: string }[]): string[] {
  return crumbs.map((c) => c.name);
}

describe("discoverColumns on saved real pages", { skip: realPagesSkip }, () => {
  const labels = readLabels();
  const read = (file: string, url: string): PageColumns =>
    discoverColumns(parseDocument(readRealPage(file)), url);

  it("never throws on any saved page, and finds no breadcrumb on homepages", () => {
    assert.equal(realPageFiles().length, labels.length);
    for (const label of labels) {
      const r = read(
        label.file,
        label.url ?? `http://www.${label.file.split("__")[0]!.replace(/^www\./, "")}/`,
      );
      for (const link of flat([...r.nav, ...r.blocks, ...r.subNav])) {
        assert.ok(link.name.length >= 2 && link.name.length <= 30, `${label.file}: ${link.name}`);
        assert.ok(link.url === "" || /^https?:\/\//.test(link.url), `${label.file}: ${link.url}`);
      }
      if (label.page_type === "home") assert.deepEqual(r.breadcrumb, [], label.file);
    }
  });

  it("bjgjj: a dropdown menu whose # headings carry their sub-columns", () => {
    const r = read("bjgjj.gov.cn__home__1.html", "http://www.bjgjj.gov.cn/");
    assert.deepEqual(names(r.nav), [
      "新闻发布",
      "政务公开",
      "机构简介",
      "政府信息公开",
      "主要业务",
      "政策法规及解读",
      "政风行风",
      "办事指南",
      "常用下载",
      "分中心",
    ]);
    assert.equal(r.nav[0]!.url, "http://www.bjgjj.gov.cn/xwdt");
    const gk = r.nav[3]!;
    assert.equal(gk.url, "");
    // The commented-out entries (依申请公开, 监督投诉) are not in the menu.
    assert.deepEqual(names(gk.children), [
      "政府信息公开指南",
      "政府信息公开目录",
      "政府信息公开年报",
      "行政处罚",
    ]);
    assert.deepEqual(names(r.nav[5]!.children), [
      "国家法律法规",
      "地方法规及规范文件",
      "中心文件",
      "政策解读",
    ]);
    assert.equal(r.nav[5]!.children[3]!.url, "http://www.bjgjj.gov.cn/zcfg/zcjd/");
  });

  it("court: the header menu and the homepage blocks with their 更多 and heading links", () => {
    const r = read("court.gov.cn__home__1.html", "http://www.court.gov.cn/");
    assert.deepEqual(names(r.nav), [
      "机构设置",
      "法院资讯",
      "权威发布",
      "公报",
      "裁判文书",
      "审判业务",
      "法院建设",
      "办事服务",
      "公众互动",
      "巡回法庭",
      "关于我们",
    ]);
    assert.equal(r.nav[3]!.url, "http://gongbao.court.gov.cn/");
    assert.ok(has(r.blocks, "要闻", "http://www.court.gov.cn/zixun-gengduo-23.html"));
    assert.ok(has(r.blocks, "开庭与庭审直播公告", "http://www.court.gov.cn/fabu-gengduo-14.html"));
    assert.ok(has(r.blocks, "庭审直播", "http://tingshen.court.gov.cn/"));
    assert.deepEqual(r.subNav, []);
  });

  it("sipo: the unquoted ColumnName meta; tab strips are blocks, not the menu", () => {
    const r = read("sipo.gov.cn__home__1.html", "http://www.sipo.gov.cn/");
    assert.deepEqual(r.meta, { name: "首页", type: "首页" });
    // The real menu is in an iframe (index_header.html): this HTML has none.
    assert.deepEqual(r.nav, []);
    assert.ok(has(r.blocks, "工作通知", "http://www.sipo.gov.cn/gztz/index.htm"));
    assert.ok(has(r.blocks, "政策解读", "http://www.sipo.gov.cn/zcfg/zcjd/index.htm"));
    assert.ok(has(r.blocks, "媒体视点", "http://www.sipo.gov.cn/mtsd/index.htm"));
  });

  it("ordos: the 信息公开年报 list page's breadcrumb, side menu and menu", () => {
    const label = labels.find((l) => l.file === "ordos.gov.cn__list__1.html")!;
    // The page does not state its URL; its relative links (../, ./) place it two levels deep.
    const r = read(label.file, "http://www.ordos.gov.cn/egb/xxgk/xxgknb/");
    assert.deepEqual(r.breadcrumb, [
      { name: "首页", url: "http://www.ordos.gov.cn/egb/" },
      { name: "信息公开", url: "http://www.ordos.gov.cn/egb/xxgk/" },
      { name: "信息公开年报", url: "http://www.ordos.gov.cn/egb/xxgk/xxgknb/" },
    ]);
    assert.equal(r.breadcrumb.at(-1)!.name, label.labels.list!.column);
    assert.deepEqual(names(r.nav), [
      "信息公开",
      "走进恩格贝",
      "投资恩格贝",
      "旅游恩格贝",
      "沙产业",
      "新能源",
    ]);
    assert.equal(r.subNav.length, 11);
    assert.ok(has(r.subNav, "信息公开年报", "http://www.ordos.gov.cn/egb/xxgk/xxgknb/"));
    assert.ok(has(r.subNav, "人事信息", "http://www.ordos.gov.cn/egb/xxgk/rsxx/"));
  });

  it("nfra, fgw.zj and www.gov.cn articles: metas as labelled, breadcrumbs and a mega menu", () => {
    for (const file of ["www.nfra.gov.cn__article__1.html", "www.nfra.gov.cn__article__2.html"]) {
      const label = labels.find((l) => l.file === file)!;
      const r = read(file, "https://www.nfra.gov.cn/cn/view/pages/ItemDetail.html?docId=1");
      assert.deepEqual(r.meta, { name: label.labels.meta.ColumnName, type: label.labels.meta.ColumnType });
      assert.deepEqual(names2(r.breadcrumb), ["首页", "政务信息", "行政处罚", label.labels.meta.ColumnName]);
    }
    assert.equal(
      labels.find((l) => l.file === "www.nfra.gov.cn__article__2.html")!.labels.meta.ColumnName,
      "总局机关",
    );

    const zj = labels.find((l) => l.file === "fgw.zj.gov.cn__article__1.html")!;
    const r = read(zj.file, zj.url!);
    assert.deepEqual(r.meta, { name: "投资运行" });
    assert.deepEqual(names2(r.breadcrumb), ["首页", "发展改革工作", "投资管理和项目推进", "投资运行"]);
    assert.equal(r.breadcrumb.at(-1)!.url, "http://fgw.zj.gov.cn/col/col1621004/index.html");
    assert.deepEqual(names(r.nav), ["发展改革工作", "政务公开"]);
    assert.equal(r.nav[0]!.children.length, 5);
    assert.ok(has(r.nav[1]!.children, "人事信息", "http://fgw.zj.gov.cn/col/col1599529/index.html"));
    // "更多栏目" repeats the heading's link and is no column.
    assert.ok(!flat(r.nav).some((l) => l.name.includes("更多")));

    const gov = read("www.gov.cn__article__1.html", "https://www.gov.cn/gongbao/content/2007/content_1.htm");
    assert.deepEqual(names2(gov.breadcrumb), ["首页", "国务院公报", "2007年第23号"]);
  });
});

describe("looksLikeColumnUrl", () => {
  it("accepts every list page and rejects every article page of the demo sites", () => {
    let lists = 0;
    let articles = 0;
    for (const m of siteModules) {
      for (const column of m.columns) {
        for (let page = 0; page < 3; page++) {
          const url = `http://${m.host}${m.listUrl(column, page)}`;
          assert.equal(looksLikeColumnUrl(url), true, url);
          lists++;
        }
        for (const article of column.articles) {
          if (article.href) continue;
          const url = `http://${m.host}${m.articleUrl(column, article)}`;
          assert.equal(looksLikeColumnUrl(url), false, url);
          articles++;
        }
      }
    }
    for (const site of demoSites)
      for (const c of site.columns) assert.equal(looksLikeColumnUrl(c.url), true, c.url);
    assert.ok(lists >= 100 && articles >= 100, `${lists} lists, ${articles} articles`);
  });

  it(
    "rejects the article URLs of the saved real pages and accepts their column links",
    { skip: realPagesSkip },
    () => {
      const urls = readLabels()
        .map((label) => label.url)
        .filter((url): url is string => url !== null);
      assert.ok(urls.length >= 2);
      for (const url of urls) assert.equal(looksLikeColumnUrl(url), false, url);
    },
  );

  it("reads the common CMS shapes", () => {
    const columns = [
      "http://fgw.zj.gov.cn/col/col1621004/index.html",
      "http://www.x.gov.cn/xxgk/tzgg/",
      "http://www.x.gov.cn/tzgg/index.shtml",
      "http://www.x.gov.cn/tzgg/list_2.html",
      "http://www.x.gov.cn/tzgg/index_1.html",
      "http://www.bjgjj.gov.cn/xwdt",
      "http://zfxxgk.beijing.gov.cn/110094/jgzz12j/list.shtml",
      "http://www.court.gov.cn/zixun-gengduo-23.html",
      "http://www.court.gov.cn/zixun.html",
      "http://www.x.gov.cn/module/list.jsp?columnid=12",
      "http://www.x.gov.cn/col/col1211/index.html?page=2",
      "http://www.x.gov.cn/index.php?m=content&c=index&a=lists&catid=10",
    ];
    const articles = [
      "http://fgw.demo-city.gov.cn/art/2026/11/2/art_1229_3021.html",
      "http://www.x.gov.cn/tzgg/2027-01/05/content_5701.shtml",
      "http://www.x.gov.cn/zwdt/202611/t20240101_123.html",
      "http://jyj.demo-city.gov.cn/jzxx/20260715/c4604.htm",
      "http://www.court.gov.cn/zixun-xiangqing-86032.html",
      "http://www.x.gov.cn/news/show.aspx?id=88",
      "http://www.x.gov.cn/xxgk/detail.jsp?articleId=5",
      "http://www.x.gov.cn/2026-11/05/something.html",
      "http://www.x.gov.cn/zcwj/attach/plan.pdf",
      "http://www.x.gov.cn/",
      "http://www.x.gov.cn/admin/login.html",
      "http://www.x.gov.cn/zixun/12345.html",
      "http://www.x.gov.cn/news/2023/1101/c123a4567/page.htm",
      "http://www.x.gov.cn/index.php?m=content&c=index&a=show&catid=10&id=123",
    ];
    for (const url of columns) assert.equal(looksLikeColumnUrl(url), true, url);
    for (const url of articles) assert.equal(looksLikeColumnUrl(url), false, url);
  });
});
