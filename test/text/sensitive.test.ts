import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import iconv from "iconv-lite";
import { demoSite, demoSites } from "../../demo/sites.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import type { PageModel } from "../../src/parse/model.ts";
import { createLexicon, loadLexiconFile, parseLexicon } from "../../src/text/lexicon.ts";
import {
  createAllowList,
  defaultLexicon,
  findSensitive,
  findSensitiveInLinks,
  newsContextWords,
} from "../../src/text/sensitive.ts";
import { readRealPage, realPageFiles, realPagesSkip } from "../helpers/realPages.ts";

const lexicon = defaultLexicon();
const found = (text: string, options = {}): string[] =>
  findSensitive(text, lexicon, options).map((i) => i.found);

const sitesDir = fileURLToPath(new URL("../../demo/sites/", import.meta.url));
const county = "http://www.demo-county.gov.cn/";

/** Every generated demo page (html, htm, shtml), decoded as its site is encoded, and parsed. */
function demoPages(): { url: string; model: PageModel }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? walk(file) : [file];
    });
  return demoSites.flatMap((site) =>
    walk(path.join(sitesDir, site.host))
      .filter((file) => /\.(s?html?)$/.test(file))
      .map((file) => {
        const bytes = readFileSync(file);
        const html =
          demoSite(site.host)?.encoding === "gbk" ? iconv.decode(bytes, "gbk") : bytes.toString("utf8");
        const url = `http://${site.host}/${path.relative(path.join(sitesDir, site.host), file).split(path.sep).join("/")}`;
        return { url, model: parsePage(html, url) };
      }),
  );
}

/** All the text of a page the checks scan: visible text, hidden text, title; and its links. */
function scanPage(model: PageModel): string[] {
  return [
    ...findSensitive(model.text, lexicon),
    ...findSensitive(model.hiddenText, lexicon, { newsContext: false }),
    ...findSensitive(model.title, lexicon),
    ...findSensitiveInLinks(model.links, lexicon),
  ].map((issue) => issue.message);
}

describe("planted spam on the demo county homepage", () => {
  const pages = demoPages();
  const home = pages.find((p) => p.url === `${county}index.shtml`)!.model;

  it("finds every hidden spam link by its anchor text, once per link", () => {
    const issues = findSensitiveInLinks(home.links, lexicon);
    assert.deepEqual(
      issues.map((i) => [home.links[i.link]!.text, i.field, i.found, i.category, i.severity, i.confidence]),
      [
        ["一分快3-开户", "text", "一分快3", "gambling", "veto", "suspected"],
        ["新葡京娱乐-注册送彩金", "text", "新葡京", "gambling", "veto", "suspected"],
        ["皇冠体育-在线投注", "text", "皇冠体育", "gambling", "veto", "suspected"],
        ["AG真人娱乐城-官方平台", "text", "真人娱乐城", "gambling", "veto", "suspected"],
      ],
    );
    assert.equal(issues[0]!.message, "疑似博彩垃圾链接：“一分快3-开户”（指向 www.xpj888-casino.invalid）");
    assert.ok(issues.every((i) => home.links[i.link]!.hidden));
  });

  it("finds the spam phrases in the page's hidden text", () => {
    const issues = findSensitive(home.hiddenText, lexicon, { newsContext: false });
    assert.deepEqual(
      issues.map((i) => i.found),
      ["一分快3", "新葡京", "注册送彩金", "皇冠体育", "在线投注", "真人娱乐城"],
    );
    assert.equal(issues[0]!.message, "疑似博彩垃圾信息：“一分快3”");
    for (const i of issues) assert.equal(home.hiddenText.slice(i.start, i.end), i.found);
  });

  it("reports nothing else on any demo page: visible, hidden, title and links", () => {
    assert.ok(pages.length > 200, String(pages.length));
    // The GBK site decodes to Chinese, so its text was really scanned.
    assert.ok(pages.some((p) => p.url.includes("fgw.") && /发展和改革/.test(p.model.text)));
    const reported = pages.flatMap((p) => scanPage(p.model).map((m) => `${p.url} ${m}`));
    assert.deepEqual(reported, [
      ...[
        "疑似博彩垃圾信息：“一分快3”",
        "疑似博彩垃圾信息：“新葡京”",
        "疑似博彩垃圾信息：“注册送彩金”",
        "疑似博彩垃圾信息：“皇冠体育”",
        "疑似博彩垃圾信息：“在线投注”",
        "疑似博彩垃圾信息：“真人娱乐城”",
        "疑似博彩垃圾链接：“一分快3-开户”（指向 www.xpj888-casino.invalid）",
        "疑似博彩垃圾链接：“新葡京娱乐-注册送彩金”（指向 www.xpj888-casino.invalid）",
        "疑似博彩垃圾链接：“皇冠体育-在线投注”（指向 www.hg-sports-bet.invalid）",
        "疑似博彩垃圾链接：“AG真人娱乐城-官方平台”（指向 www.ag-live-casino.invalid）",
      ].map((m) => `${county}index.shtml ${m}`),
    ]);
  });

  it("finds spam domains in a link's URL when its text is innocent", () => {
    const issues = findSensitiveInLinks(
      [
        { text: "更多", url: "http://www.xpj888-casino.invalid/" },
        { text: "", url: "http://www.hg-sports-bet.invalid/" },
        { text: "政务公开", url: "http://www.demo-county.gov.cn/xxgk/" },
        { text: "无地址", url: null },
      ],
      lexicon,
    );
    assert.deepEqual(
      issues.map((i) => [i.link, i.field, i.found]),
      [
        [0, "url", "casino"],
        [1, "url", "sports-bet"],
      ],
    );
    assert.equal(issues[0]!.message, "疑似博彩垃圾链接：http://www.xpj888-casino.invalid/（网址含“casino”）");
  });
});

describe("the real government pages stay clean", { skip: realPagesSkip }, () => {
  it("reports nothing in any saved page", () => {
    const files = realPageFiles();
    assert.ok(files.length >= 17);
    for (const file of files) {
      const model = parsePage(readRealPage(file), `http://${file.split("__")[0]}/`);
      assert.deepEqual(scanPage(model), [], file);
      // Without the news rule too: the default lexicon does not lean on it for these pages.
      assert.deepEqual(findSensitive(model.text, lexicon, { newsContext: false }), [], file);
    }
  });
});

describe("spam in other disguises", () => {
  it("sees through case, width and separators", () => {
    assert.deepEqual(found("一 分 快 ３ 开户"), ["一 分 快 ３"]);
    assert.deepEqual(found("ＢＥＴ３６５官网"), ["ＢＥＴ３６５"]);
    assert.deepEqual(found("澳门新葡京娱乐城，真人视讯·百家乐"), ["新葡京", "真人视讯", "百家乐"]);
    assert.deepEqual(found("同城约炮，裸 聊 直播"), ["约炮", "裸 聊"]);
  });

  it("labels porn spam as porn", () => {
    const [issue] = findSensitive("午夜福利免费看", lexicon);
    assert.equal(issue!.category, "porn");
    assert.equal(issue!.message, "疑似色情垃圾信息：“午夜福利”");
  });
});

describe("news about enforcement is not spam", () => {
  // Sentences of the kind county sites publish; the first group names spam words on purpose.
  const naming = [
    "县公安局成功破获一起利用“时时彩”网络平台组织赌博的案件，抓获犯罪嫌疑人5名。",
    "反诈中心提醒：“注册送彩金”“百家乐”等都是网络赌博的诱饵，请广大群众提高警惕。",
    "我县开展扫黄打非专项行动，查处传播“裸聊”“约炮”信息的违法网站3个。",
    "警方提示，境外“六合彩”博彩网站均属非法，切勿参与。",
    "市法院依法判处被告人利用“一分快3”开设赌场罪有期徒刑三年。",
  ];
  const plain = [
    "严厉打击赌博违法犯罪活动，深入推进扫黄打非工作。",
    "持续开展打击治理电信网络诈骗专项行动，反诈骗宣传进社区。",
    "中国福利彩票“快3”游戏销售量稳步增长，彩票公益金用于社会福利事业。",
    "请填写开户银行及账号，开户名须与单位名称一致。",
    "成人高等教育招生考试报名工作将于九月开始。",
    "文化市场综合执法大队对辖区娱乐场所开展安全检查。",
    "南京市六合区、江宁区召开联席会议。",
    "禁毒宣传月活动启动，远离毒品，珍爱生命。",
  ];

  it("drops spam words in sentences about crackdowns and warnings", () => {
    for (const sentence of naming) assert.ok(found(sentence, { newsContext: false }).length > 0, sentence);
    for (const sentence of [...naming, ...plain]) assert.deepEqual(found(sentence), [], sentence);
  });

  it("still reports them in hidden text, where the news rule is off", () => {
    assert.deepEqual(found(naming[0]!, { newsContext: false }), ["时时彩"]);
  });

  it("looks only within the sentence, so spam next to a news sentence is still reported", () => {
    assert.deepEqual(found("严厉打击赌博违法犯罪活动。\n一分快3-开户"), ["一分快3"]);
    assert.ok(newsContextWords.includes("打击"));
  });

  it("does not let a term count as its own context", () => {
    const topic = createLexicon([{ term: "赌博", category: "gambling" }]);
    assert.equal(findSensitive("欢迎来玩赌博游戏", topic).length, 1);
    assert.equal(findSensitive("严厉打击赌博", topic).length, 0);
  });
});

describe("allow lists", () => {
  const topic = createLexicon([
    { term: "赌博", category: "gambling" },
    { term: "百家乐", category: "gambling" },
  ]);

  it("shields a term inside an allowed phrase, and an allowed term itself", () => {
    const text = "打击赌博，百家乐";
    const options = { newsContext: false };
    assert.deepEqual(
      findSensitive(text, topic, options).map((i) => i.found),
      ["赌博", "百家乐"],
    );
    assert.deepEqual(
      findSensitive(text, topic, { ...options, allow: createAllowList(["打击赌博"]) }).map((i) => i.found),
      ["百家乐"],
    );
    assert.deepEqual(findSensitive(text, topic, { ...options, allow: ["打击赌博", "百家乐"] }), []);
  });

  it("combines a global and a per-site list", () => {
    const global = createAllowList(["打击赌博"]);
    const site = ["百家乐"];
    assert.deepEqual(
      findSensitive("打击赌博，百家乐", topic, { newsContext: false, allow: [global, site] }),
      [],
    );
  });

  it("applies a lexicon's own allow entries, also through separators", () => {
    const own = parseLexicon("gambling:赌博\nallow:禁止赌博");
    assert.deepEqual(
      findSensitive("禁止 赌博；网上赌博", own, { newsContext: false }).map((i) => i.found),
      ["赌博"],
    );
  });
});

describe("user lexicons", () => {
  it("takes severities from the file and reports other categories as warnings", () => {
    const user = parseLexicon(
      "冒充客服\tfraud\n刷单返利\tfraud\t否决\n某暴力词\tviolence\n某反动词\treactionary",
      {
        file: "u.txt",
      },
    );
    const issues = findSensitive("冒充客服，刷单返利，某暴力词，某反动词", user);
    assert.deepEqual(
      issues.map((i) => [i.category, i.severity, i.message]),
      [
        ["fraud", "warn", "疑似诈骗信息：“冒充客服”"],
        ["fraud", "veto", "疑似诈骗信息：“刷单返利”"],
        ["violence", "veto", "疑似暴力内容：“某暴力词”"],
        ["reactionary", "veto", "疑似反动内容：“某反动词”"],
      ],
    );
    assert.deepEqual(
      findSensitive("冒充客服，某暴力词", user, { categories: ["violence"] }).map((i) => i.found),
      ["某暴力词"],
    );
  });

  it("with a segmenter, drops broad-list hits that cut through words", () => {
    const jieba = Jieba.withDict(dict);
    const segment = (s: string): string[] => jieba.cut(s, false);
    const broad = createLexicon([{ term: "性服务", category: "porn" }]);
    const text = "大力发展生产性服务业；查明该场所提供性服务。";
    assert.equal(findSensitive(text, broad, { newsContext: false }).length, 2);
    assert.deepEqual(
      findSensitive(text, broad, { newsContext: false, segment }).map((i) => i.start),
      [text.lastIndexOf("性服务")],
    );
    // The default lexicon's spam still passes the segmenter.
    assert.deepEqual(found("一分快3-开户，新葡京娱乐-注册送彩金", { segment }), [
      "一分快3",
      "新葡京",
      "注册送彩金",
    ]);
  });

  const sample = "/work/shared/data/lexicons/sample-sensitive.txt";
  it("loads the third-party sample list and finds its terms", { skip: !existsSync(sample) }, () => {
    const list = loadLexiconFile(sample);
    const issues = findSensitive("出售仿真气枪，联系 www.138cp.cn", list, { newsContext: false });
    assert.ok(issues.length >= 2, JSON.stringify(issues));
    assert.ok(issues.some((i) => i.found === "www.138cp.cn"));
    assert.ok(issues.every((i) => i.category === "other" && i.severity === "warn"));
  });
});
