import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { measureRecall, percent } from "../../bench/severe-typos.ts";
import { generateSevereTypoSet } from "../../bench/severeTypoSet.ts";
import { demoSite, demoSites } from "../../demo/sites.ts";
import { parsePage } from "../../src/parse/parsePage.ts";
import type { TextIssue } from "../../src/text/issue.ts";
import { loadSevereTypoData, validateLeaderFile } from "../../src/text/severeData.ts";
import { createSevereTypoChecker } from "../../src/text/severeTypos.ts";
import { loadLookalikes, loadShapeConfusion } from "../../src/text/severeVariants.ts";
import { readRealPage, realPageFiles, realPagesSkip } from "../helpers/realPages.ts";

const odwFile = "/work/shared/data/typos/odw.train.tsv";
const vocabFile = "/work/shared/data/typos/official-writing-vocab.txt";
const data = loadSevereTypoData();
const checker = createSevereTypoChecker(data);

/** The issues of a text, shortened to what a reader checks: found → suggestion (category). */
function found(text: string): string[] {
  return checker.check(text).map((i) => `${i.found}→${i.suggestion ?? ""} (${i.category ?? ""})`);
}

/** Correct sentences in the style of national and local news, with leaders, titles, bodies and laws. */
const cleanNews = [
  "中共中央总书记、国家主席、中央军委主席习近平出席会议并发表重要讲话。",
  "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希等党和国家领导人出席大会。",
  "中共中央政治局常委、国务院总理李强主持召开国务院常务会议，研究部署稳就业工作。",
  "中共中央政治局常委、全国人大常委会委员长赵乐际主持十四届全国人大常委会第十次会议。",
  "中共中央政治局常委、全国政协主席王沪宁出席全国政协十四届二次会议开幕会。",
  "中共中央政治局常委、中央书记处书记蔡奇陪同考察。",
  "中共中央政治局常委、国务院副总理丁薛祥出席开幕式并致辞。",
  "中共中央政治局常委、中央纪委书记李希在中央纪委全会上作工作报告。",
  "国家副主席韩正会见外国客人。",
  "国务院副总理何立峰、刘国中、张国清分别出席活动。",
  "2018年3月，国务院总理李克强在政府工作报告中提出，要深化“放管服”改革。",
  "原国务院总理李克强同志逝世，享年68岁。",
  "习近平总书记强调，要完整、准确、全面贯彻新发展理念。",
  "李强总理指出，要坚定不移推动高质量发展。",
  "会议传达学习了习近平总书记关于安全生产的重要指示精神。",
  "深入学习贯彻习近平新时代中国特色社会主义思想，全面贯彻党的二十大和二十届二中、三中全会精神。",
  "深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
  "以中国式现代化全面推进中华民族伟大复兴，发展全过程人民民主，因地制宜发展新质生产力。",
  "国家发展改革委、教育部、财政部、人力资源社会保障部、住房城乡建设部联合印发通知。",
  "国务院办公厅关于印发《政府网站发展指引》的通知。",
  "根据《中华人民共和国政府信息公开条例》第二十条规定，现将有关信息予以公开。",
  "依据《中华人民共和国行政许可法》和《优化营商环境条例》，进一步精简审批事项。",
  "市发展和改革委员会召开党组扩大会议，市市场监管局、市教育局有关负责同志参加。",
  "国家税务总局浙江省税务局、浙江金融监管局联合开展宣传月活动。",
  "全国知识产权局系统工作会议在京召开，部署实施国家知识产权战略。",
  "他工作能力强，学校教育都很重要，大家要加强学习，近年来成绩显著。",
  "县政协主席李强、县委书记王海出席会议。",
  "中央纪委国家监委网站发布消息，中央军委、最高人民法院、最高人民检察院有关部门参加。",
  "1975年召开的第四届全国人大第一次会议通过了宪法修正案。",
  "张某某、李某某、王某某三人因违反《中华人民共和国治安管理处罚法》被依法处理。",
];

describe("severe typos", () => {
  it("finds homophone and look-alike misspellings of leaders' names when context shows the leader is meant", () => {
    assert.deepEqual(found("深入学习贯彻习进平新时代中国特色社会主义思想。"), [
      "习进平→习近平 (leader-name)",
    ]);
    assert.deepEqual(found("习进平在会上发表重要讲话。"), ["习进平→习近平 (leader-name)"]);
    assert.deepEqual(found("国务院总理李墙主持召开国务院常务会议。"), ["李墙→李强 (leader-name)"]);
    assert.deepEqual(found("全国政协主席王泸宁出席。"), ["王泸宁→王沪宁 (leader-name)"]);
    assert.deepEqual(found("丁雪祥副总理出席开幕式。"), ["丁雪祥→丁薛祥 (leader-name)"]);
    assert.deepEqual(found("习近平、李墙、赵乐际等出席会议。"), ["李墙→李强 (leader-name)"]);
  });

  it("reports the exact message, span and severity of a severe typo", () => {
    const text = "学习习进平新时代中国特色社会主义思想";
    const [issue] = checker.check(text) as [TextIssue];
    assert.deepEqual(issue, {
      kind: "severe-typo",
      start: 2,
      end: 5,
      found: "习进平",
      suggestion: "习近平",
      category: "leader-name",
      severity: "veto",
      confidence: "confirmed",
      message: "严重错别字：“习近平”误写为“习进平”",
    });
    assert.equal(text.slice(issue.start, issue.end), issue.found);
  });

  it("finds misspelt titles, organisations, meetings, expressions and laws", () => {
    assert.deepEqual(found("国务院办工厅印发通知。"), ["国务院办工厅→国务院办公厅 (organisation)"]);
    assert.deepEqual(found("国家发展和改革委员负责同志介绍情况。"), [
      "国家发展和改革委员→国家发展和改革委员会 (organisation)",
    ]);
    assert.deepEqual(found("根据《中华人民共和国宪发》规定。"), [
      "中华人民共和国宪发→中华人民共和国宪法 (law)",
    ]);
    assert.deepEqual(found("深入学习贯彻党的二十届三中全回精神。"), [
      "党的二十届三中全回→党的二十届三中全会 (meeting)",
    ]);
    assert.deepEqual(found("学习习近平新时代中国特色社会主思想。"), [
      "习近平新时代中国特色社会主思想→习近平新时代中国特色社会主义思想 (expression)",
    ]);
    assert.deepEqual(found("坚决做到两个维户，推进一代一路建设。"), [
      "两个维户→两个维护 (expression)",
      "一代一路→一带一路 (expression)",
    ]);
    assert.deepEqual(found("全国人大常委会委员涨出席。"), [
      "全国人大常委会委员涨→全国人大常委会委员长 (leader-title)",
    ]);
    assert.deepEqual(found("近日，教育簿印发通知。"), ["教育簿→教育部 (organisation)"]);
    const [omission] = checker.check("国家发展和改革委员负责同志") as [TextIssue];
    assert.equal(omission.message, "严重表述错误：“国家发展和改革委员会”漏字，误写为“国家发展和改革委员”");
  });

  it("flags a leader's name with a title they never held, before or after the name", () => {
    assert.deepEqual(found("总书记李强出席会议。"), ["总书记李强→国务院总理李强 (leader-title)"]);
    assert.deepEqual(found("国务院总理习近平出席。"), [
      "国务院总理习近平→中共中央总书记习近平 (leader-title)",
    ]);
    assert.deepEqual(found("李希副总理出席。"), ["李希副总理→中央纪委书记李希 (leader-title)"]);
    assert.deepEqual(found("中共中央总书记、国务院总理、中央军委主席习近平"), [
      "国务院总理、中央军委主席习近平→中共中央总书记习近平 (leader-title)",
    ]);
    const [issue] = checker.check("总书记李强出席会议。") as [TextIssue];
    assert.equal(issue.message, "领导人职务错误：“总书记李强”，李强未担任过中共中央总书记");
    assert.equal(issue.severity, "veto");
  });

  it("accepts lists of names, former titles, shared short titles and anonymised names", () => {
    for (const text of [
      "习近平、李强、赵乐际、王沪宁、蔡奇、丁薛祥、李希等出席会议。",
      "原国务院总理李克强同志逝世。",
      "国务院总理李克强主持召开国务院常务会议。",
      "国务院副总理韩正出席会议。",
      "全国人大常委会委员长栗战书、全国政协主席汪洋出席。",
      "县政协主席李强出席。",
      "李强主席在县政协全会上讲话。",
      "张某某、李某某参加会议。",
      "李墙在会上强调。",
      "全国人大常委会副委员长李希出席。",
    ]) {
      assert.deepEqual(found(text), [], text);
    }
  });

  it("reports nothing on correct sentences from the news", () => {
    for (const text of cleanNews) assert.deepEqual(found(text), [], text);
  });

  it(
    "reports nothing on the phrases common in official writing (ECSpell vocabulary)",
    { skip: vocabSkip() },
    () => {
      const phrases = readFileSync(vocabFile, "utf8").split("\n").filter(Boolean);
      assert.ok(phrases.length > 800);
      assert.deepEqual(phrases.flatMap(found), []);
      assert.deepEqual(found(phrases.join("，")), []);
    },
  );

  it("reports nothing on the visible text of the demo pages: their planted typos are not severe", (t) => {
    const sitesDir = fileURLToPath(new URL("../../demo/sites/", import.meta.url));
    let pages = 0;
    const issues: string[] = [];
    for (const site of demoSites) {
      for (const file of walk(path.join(sitesDir, site.host)).filter((f) => /\.s?html?$/.test(f))) {
        const bytes = readFileSync(file);
        const html =
          demoSite(site.host)?.encoding === "gbk" ? iconv.decode(bytes, "gbk") : bytes.toString("utf8");
        issues.push(...found(parsePage(html, `http://${site.host}/`).text).map((i) => `${file}: ${i}`));
        pages++;
      }
    }
    // The planted typos (再接再励, 按步就班) are ordinary idioms, for the general typo check.
    const planted = demoSites.flatMap((s) => s.defects).filter((d) => d.kind === "typo");
    assert.ok(planted.length > 0);
    for (const defect of planted) assert.doesNotMatch(defect.note ?? "", /习近平|国务院|中华人民共和国/);
    t.diagnostic(`${pages} demo pages, ${issues.length} issues`);
    assert.ok(pages > 200);
    assert.deepEqual(issues, []);
  });

  it("reports nothing on the saved real government pages", { skip: realPagesSkip }, () => {
    for (const file of realPageFiles()) {
      assert.deepEqual(found(parsePage(readRealPage(file), "http://real/").text), [], file);
    }
  });

  it("reports nothing on clean sentences of official documents (ECSpell odw)", { skip: odwSkip() }, (t) => {
    const rows = readFileSync(odwFile, "utf8")
      .split("\n")
      .map((line) => line.split("\t"))
      .filter((row) => row.length === 3);
    const clean = rows.filter(([errors]) => errors === "0").map(([, sentence]) => sentence!);
    const corrected = rows.map(([, , sentence]) => sentence!);
    const onClean = clean.flatMap(found);
    const onCorrected = corrected.flatMap(found);
    t.diagnostic(
      `${clean.length} clean sentences: ${onClean.length} issues; all ${corrected.length} corrected sentences: ${onCorrected.length} issues`,
    );
    assert.deepEqual(onClean, []);
    assert.deepEqual(onCorrected, []);
  });

  it("recalls at least 95 % of generated misspellings of protected terms, with no false alarm", (t) => {
    const samples = generateSevereTypoSet(data, loadShapeConfusion(), loadLookalikes(), { perCategory: 200 });
    const figures = measureRecall(checker, samples);
    t.diagnostic(
      `severe typo recall ${percent(figures.found, figures.total)} (${figures.found}/${figures.total}), ` +
        `correct suggestion ${percent(figures.suggested, figures.total)}, ` +
        `false alarms on the same sentences written correctly: ${figures.falseAlarms}`,
    );
    for (const miss of figures.misses.slice(0, 5))
      t.diagnostic(`missed ${miss.edit} ${miss.term} → ${miss.typo}`);
    assert.equal(figures.total, 1200);
    assert.ok(figures.found / figures.total >= 0.95, `recall ${percent(figures.found, figures.total)}`);
    assert.equal(figures.falseAlarms, 0);
  });

  it("ships data files with version, date and sources, and leaders whose titles are all defined", () => {
    for (const file of [data.leaders, data.organisations, data.meetings, data.expressions, data.laws]) {
      assert.match(file.version, /^\d+\.\d+\.\d+$/);
      assert.match(file.asOf, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(file.sources.length > 0);
    }
    const leader = (name: string) => data.leaders.leaders.find((l) => l.name === name);
    for (const name of ["习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希", "韩正"]) {
      assert.ok(
        leader(name)?.titles.some((t) => t.status === "current"),
        name,
      );
    }
    assert.ok(leader("李克强")?.titles.every((t) => t.status === "former"));
    assert.throws(
      () =>
        validateLeaderFile(
          { ...data.leaders, leaders: [{ name: "某某", titles: [{ title: "省长", status: "current" }] }] },
          "x",
        ),
      /不在 titles 中/,
    );
  });
});

function odwSkip(): string | false {
  return existsSync(odwFile) ? false : "ECSpell odw sentences not available";
}

function vocabSkip(): string | false {
  return existsSync(vocabFile) ? false : "ECSpell vocabulary not available";
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}
