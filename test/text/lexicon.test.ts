import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import iconv from "iconv-lite";
import {
  categoryNames,
  createLexicon,
  defaultLexicon,
  LexiconError,
  lexiconCategories,
  loadAllowListFile,
  loadLexiconFile,
  mergeLexicons,
  parseCategory,
  parseLexicon,
} from "../../src/text/lexicon.ts";
import { createMatcher } from "../../src/text/matcher.ts";

const sampleList = "/work/shared/data/lexicons/sample-sensitive.txt";
const dir = mkdtempSync(path.join(tmpdir(), "zhijian-lexicon-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The LexiconError a call throws, to check its message, file and line. */
function lexiconError(call: () => unknown): LexiconError {
  try {
    call();
  } catch (error) {
    assert.ok(error instanceof LexiconError, String(error));
    return error;
  }
  assert.fail("no error thrown");
}

describe("categories", () => {
  it("has Chinese names for every category", () => {
    assert.deepEqual(lexiconCategories, ["gambling", "porn", "violence", "fraud", "reactionary", "other"]);
    assert.deepEqual(Object.values(categoryNames), ["赌博", "色情", "暴力", "诈骗", "反动", "其他"]);
  });

  it("reads English ids, Chinese names and a few synonyms", () => {
    assert.equal(parseCategory("Gambling"), "gambling");
    assert.equal(parseCategory("色情"), "porn");
    assert.equal(parseCategory("博彩"), "gambling");
    assert.equal(parseCategory(" 允许 "), "allow");
    assert.equal(parseCategory("政府"), undefined);
  });
});

describe("txt lexicons", () => {
  const text = [
    "\uFEFF# 注释行",
    "",
    "一分快3",
    "百家乐\tgambling",
    "裸聊\t色情\t扣分",
    "porn:约炮",
    "赌博：时时彩",
    "QQ:123456",
    "http://www.game163.in",
    "allow:打击赌博",
    "  ＹＹＹ  ",
    "yyy\tfraud",
  ].join("\r\n");
  const lexicon = parseLexicon(text, { file: "a.txt", defaultCategory: "gambling" });

  it("reads terms with their categories in every line form", () => {
    assert.deepEqual(
      lexicon.entries.map((e) => [e.term, e.category, e.severity]),
      [
        ["一分快3", "gambling", undefined],
        ["百家乐", "gambling", undefined],
        ["裸聊", "porn", "deduct"],
        ["约炮", "porn", undefined],
        ["时时彩", "gambling", undefined],
        ["QQ:123456", "gambling", undefined],
        ["http://www.game163.in", "gambling", undefined],
        ["ＹＹＹ", "gambling", undefined],
      ],
    );
  });

  it("keeps allow entries apart, records sources and counts folded duplicates", () => {
    assert.deepEqual(lexicon.allow, ["打击赌博"]);
    assert.equal(lexicon.entries[1]!.source, "a.txt:4");
    assert.equal(lexicon.duplicates, 1);
  });

  it("uses 'other' when neither the line nor the caller names a category", () => {
    assert.equal(parseLexicon("词语").entries[0]!.category, "other");
  });

  it("rejects unknown categories and severities, naming the file and line in Chinese", () => {
    const unknown = lexiconError(() => parseLexicon("# x\n好词\n坏词\tcasino", { file: "mine.txt" }));
    assert.equal(unknown.line, 3);
    assert.equal(unknown.file, "mine.txt");
    assert.match(
      unknown.message,
      /^词库文件 mine\.txt 第 3 行：未知的类别“casino”，可用的类别：赌博\(gambling\)/,
    );
    const severity = lexiconError(() => parseLexicon("词\tporn\tfatal", { file: "s.txt" }));
    assert.match(severity.message, /第 1 行：未知的严重程度“fatal”/);
    const empty = lexiconError(() => parseLexicon("\tporn", { file: "e.txt" }));
    assert.match(empty.message, /第 1 行：词语为空/);
  });
});

describe("csv lexicons", () => {
  it("reads an optional header, quoted fields, empty categories and severities", () => {
    const csv = [
      "term,category,severity",
      "# comment",
      '"开户,送彩金",gambling,否决',
      '"他说""你好""",,',
      "裸聊,porn,warn,备注列被忽略",
      "",
    ].join("\n");
    const lexicon = parseLexicon(csv, { format: "csv", file: "b.csv", defaultCategory: "fraud" });
    assert.deepEqual(
      lexicon.entries.map((e) => [e.term, e.category, e.severity]),
      [
        ["开户,送彩金", "gambling", "veto"],
        ['他说"你好"', "fraud", undefined],
        ["裸聊", "porn", "warn"],
      ],
    );
  });

  it("reports an open quote and a bad category with their lines", () => {
    assert.match(
      lexiconError(() => parseLexicon('词,porn\n"开户,porn', { format: "csv", file: "c.csv" })).message,
      /词库文件 c\.csv 第 2 行：引号不成对/,
    );
    assert.equal(lexiconError(() => parseLexicon("a,porn\nb,x", { format: "csv" })).line, 2);
  });
});

describe("lexicon files", () => {
  it("loads txt and csv by extension", () => {
    writeFileSync(path.join(dir, "l.txt"), "一分快3\n百家乐\tporn\n");
    writeFileSync(path.join(dir, "l.csv"), "一分快3,porn\n");
    assert.deepEqual(
      loadLexiconFile(path.join(dir, "l.txt"), "gambling").entries.map((e) => e.category),
      ["gambling", "porn"],
    );
    assert.equal(loadLexiconFile(path.join(dir, "l.csv")).entries[0]!.category, "porn");
  });

  it("decodes GBK files and UTF-16 with a BOM", () => {
    writeFileSync(path.join(dir, "gbk.txt"), iconv.encode("# 词库\n注册送彩金\t赌博\n", "gbk"));
    assert.deepEqual(loadLexiconFile(path.join(dir, "gbk.txt")).entries[0], {
      term: "注册送彩金",
      category: "gambling",
      source: `${path.join(dir, "gbk.txt")}:2`,
    });
    writeFileSync(
      path.join(dir, "u16.txt"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("裸聊\n", "utf16le")]),
    );
    assert.equal(loadLexiconFile(path.join(dir, "u16.txt")).entries[0]!.term, "裸聊");
  });

  it("says in Chinese which file it could not read", () => {
    const missing = path.join(dir, "nope.txt");
    const error = lexiconError(() => loadLexiconFile(missing));
    assert.equal(error.message, `无法读取词库文件 ${missing}（ENOENT）`);
  });

  it("reads allow lists, one phrase a line", () => {
    writeFileSync(path.join(dir, "allow.txt"), "# 允许\n打击赌博\n扫黄打非\tignored\n\n");
    assert.deepEqual(loadAllowListFile(path.join(dir, "allow.txt")), ["打击赌博", "扫黄打非"]);
  });
});

describe("building and merging", () => {
  it("dedupes by folded term, first wins, and merges arrays or arguments", () => {
    const a = createLexicon([
      { term: "Casino", category: "gambling" },
      { term: " ", category: "porn" },
    ]);
    const b = createLexicon(
      [
        { term: "ＣＡＳＩＮＯ", category: "porn" },
        { term: "裸聊", category: "porn" },
      ],
      ["a", "a"],
    );
    for (const merged of [mergeLexicons(a, b), mergeLexicons([a, b])]) {
      assert.deepEqual(
        merged.entries.map((e) => [e.term, e.category]),
        [
          ["Casino", "gambling"],
          ["裸聊", "porn"],
        ],
      );
      assert.equal(merged.duplicates, 1);
      assert.deepEqual(merged.allow, ["a"]);
    }
  });
});

describe("the default spam lexicon", () => {
  const lexicon = defaultLexicon();

  it("is small, gambling and porn only, and read once", () => {
    assert.ok(lexicon.entries.length > 40 && lexicon.entries.length < 200, String(lexicon.entries.length));
    assert.deepEqual(new Set(lexicon.entries.map((e) => e.category)), new Set(["gambling", "porn"]));
    assert.equal(lexicon.duplicates, 0);
    assert.equal(defaultLexicon(), lexicon);
  });

  it("holds spam phrases, not the topic words government news uses", () => {
    const terms = new Set(lexicon.entries.map((e) => e.term));
    for (const topic of ["赌博", "色情", "诈骗", "彩票", "开户", "快3", "娱乐城", "成人", "博彩"]) {
      assert.ok(!terms.has(topic), topic);
    }
    for (const spam of [
      "一分快3",
      "注册送彩金",
      "时时彩",
      "百家乐",
      "澳门葡京",
      "真人视讯",
      "线上娱乐城",
      "六合彩",
    ]) {
      assert.ok(terms.has(spam), spam);
    }
  });

  it("names its source in the header", () => {
    const file = new URL("../../data/lexicons/spam-default.txt", import.meta.url);
    const header = readFileSync(file, "utf8").split("\n").slice(0, 10).join("\n");
    assert.match(header, /本项目人工整理/);
    assert.match(header, /未复制任何第三方词表/);
  });
});

describe(
  "the third-party sample list",
  { skip: existsSync(sampleList) ? false : "sample list not available" },
  () => {
    it("loads all 17k lines and its terms match", () => {
      const lexicon = loadLexiconFile(sampleList, "other");
      const lines = readFileSync(sampleList, "utf8")
        .split("\n")
        .filter((l) => l.trim() !== "").length;
      assert.equal(lexicon.entries.length + lexicon.duplicates, lines);
      assert.ok(lexicon.entries.length > 17000, String(lexicon.entries.length));
      const matcher = createMatcher(
        lexicon.entries.map((e) => e.term),
        { skipSeparators: true, asciiWordBoundaries: true },
      );
      const hits = matcher.find("某网站提供色情服务，并出售 气枪，网址 www.138cp.cn。");
      assert.deepEqual(
        hits.map((h) => h.term),
        ["色情服务", "出售气枪", "www.138cp.cn"],
      );
    });
  },
);
