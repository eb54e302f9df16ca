/** What a URL's shape says about the page behind it: a column (list) page, an article, the site root. */

export function splitUrl(url: string): { origin: string; path: string; query: string } {
  let rest = url;
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  let query = "";
  const q = rest.indexOf("?");
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  const scheme = rest.indexOf("://");
  if (scheme < 0) return { origin: "", path: rest, query };
  const slash = rest.indexOf("/", scheme + 3);
  const origin = (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase();
  return { origin, path: slash < 0 ? "/" : rest.slice(slash), query };
}

/** Query parameters naming one document (show.asp?id=5, detail.jsp?articleId=…). */
const articleQuery =
  /(?:^|&)(?:id|aid|articleid|article_id|contentid|content_id|newsid|infoid|docid|artid|itemid|detailid)=/i;
/** Query parameters naming a column or a list page. */
const columnQuery =
  /(?:^|&)(?:columnid|column_id|colid|col|catid|cateid|categoryid|classid|channelid|chnlid|lmid|typeid|nodeid|cid|page|pagenum|pageno|pageindex|curpage)=/i;
/** File names of articles in the common CMSs: TRS t20240101_123, Hanweb art_1229_3021, content_5701, detail-12. */
const articleFile =
  /^t\d{8}_\d+|^art_\d+_\d+|^(?:content|detail|details|xiangqing|article|art|show|view|info|news|doc|post|txt|c)[_-]?\d{3,}|[_-](?:content|detail|xiangqing)[_-]?\d+|^(?:detail|details|show|view|content|article|xiangqing)\.\w+$/;
/** An article directory: by date (/202611/, /20261029/, /2026-11/, /2026/11/2/, /2026/1105/) or by id (/c123a4567/). */
const dateDir =
  /\/(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:\d{2})?\/|\/(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2})?\/|\/(?:19|20)\d{2}\/\d{1,2}\/|\/(?:19|20)\d{2}\/[01]\d[0-3]\d\/|\/c\d+a\d+\//;
/** List page files: index.html, index_1.html, list_2.html, page_2.htm, more.shtml, node_123.htm. */
const listFile =
  /^(?:index|default|list|lists|more|column|columns|channel|node|category|page|catalog|gengduo)(?:[_-][\w-]{0,24})?\.(?:s?html?|jsp|php|aspx?|do|action)$/;
const pageExtensions = new Set([
  "html",
  "htm",
  "shtml",
  "shtm",
  "jsp",
  "php",
  "asp",
  "aspx",
  "do",
  "action",
  "jhtml",
]);
const notColumnStem =
  /^(?:login|logon|logout|register|reg|signup|search|error|404|500|print|download|apply|submit|upload)$/;

/**
 * URL looks like a column (list) page rather than an article: /col/col123/index.html, /xxgk/tzgg/, /tzgg/index.shtml, list_2.html, index_1.html …; not /art/2026/11/2/art_1229_3021.html, content_5701.shtml, t20240101_123.html, /2026-11/05/…, c4604.htm under a date dir.
 */
export function looksLikeColumnUrl(url: string): boolean {
  const { path: rawPath, query } = splitUrl(url);
  if (!/^https?:\/\//i.test(url) && url.includes("://")) return false;
  const path = rawPath.toLowerCase();
  if (articleQuery.test(query)) return false;
  const slash = path.lastIndexOf("/");
  const dir = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  if (file === "") return dir !== "/" && dir !== "" && !/\/(?:19|20)\d{2}[-_]?\d{0,4}\/$/.test(dir);
  if (articleFile.test(file) || dateDir.test(dir)) return false;
  if (listFile.test(file) || columnQuery.test(query)) return true;
  const dot = file.lastIndexOf(".");
  const stem = dot < 0 ? file : file.slice(0, dot);
  if (dot >= 0 && !pageExtensions.has(file.slice(dot + 1))) return false;
  if (/\d{4,}/.test(stem) || notColumnStem.test(stem)) return false;
  // Pinyin page names without an id (/zixun.html, /xwdt, zixun-gengduo-23.html) are section pages.
  return /^[a-z][a-z_-]{2,}\d{0,3}$/.test(stem);
}

/** Positive evidence of an article: the shapes looksLikeColumnUrl rejects for a reason, not by default. */
export function looksLikeArticleUrl(url: string): boolean {
  if (url === "") return false;
  const { path: rawPath, query } = splitUrl(url);
  const path = rawPath.toLowerCase();
  const slash = path.lastIndexOf("/");
  const file = path.slice(slash + 1);
  if (file === "") return false;
  return (
    articleQuery.test(query) ||
    articleFile.test(file) ||
    dateDir.test(path.slice(0, slash + 1)) ||
    /\d{5,}/.test(file)
  );
}

export function isSiteRoot(pageUrl: string): boolean {
  const { path } = splitUrl(pageUrl);
  return path === "/" || /^\/(?:index|default|main|home)\.\w+$/i.test(path);
}
