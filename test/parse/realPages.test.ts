import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePage } from "../../src/parse/index.ts";
import type { LinkRef, PageModel } from "../../src/parse/model.ts";
import { readLabels, readRealPage, realPagesSkip, realPageUrl } from "../helpers/realPages.ts";

const hostOf = (link: LinkRef): string => (link.url === null ? "" : new URL(link.url).hostname);
const isConac = (link: LinkRef): boolean => hostOf(link) === "conac.cn" || hostOf(link).endsWith(".conac.cn");

describe("real government pages", { skip: realPagesSkip }, () => {
  const labels = readLabels();
  assert.equal(labels.length, 17);

  for (const label of labels) {
    describe(label.file, () => {
      const model: PageModel = parsePage(readRealPage(label.file), realPageUrl(label));
      const facts = label.labels;

      it("parses without error; title and declared charset as labelled", () => {
        assert.equal(model.parseError, undefined);
        assert.equal(model.title, label.title ?? "");
        assert.equal(model.declaredCharset, label.declared_charset ?? undefined);
      });

      it("reads the labelled meta tags exactly (first occurrence)", () => {
        for (const [name, content] of Object.entries(facts.meta)) {
          assert.equal(model.metas.find((m) => m.name === name)?.content, content, name);
        }
      });

      it("finds the footer facts in the visible text", () => {
        for (const value of [facts.icp, facts.police_filing]) {
          if (value !== null) assert.ok(model.text.includes(value), value);
        }
        if (facts.site_id_code !== null && facts.site_id_code_source === "footer_text") {
          assert.ok(model.text.includes(facts.site_id_code), facts.site_id_code);
        }
      });

      it("recognises a site search exactly where the labels say there is one", () => {
        assert.equal(
          model.forms.some((f) => f.isSearch),
          facts.has_search,
        );
      });

      it("sees the 党政机关 badge link as labelled", () => {
        const anchors = model.links.filter((l) => l.element === "a" && isConac(l));
        if (facts.conac_form?.includes("link_img")) {
          assert.ok(anchors.length > 0, "an <a> to conac.cn");
          for (const a of anchors) {
            assert.equal(a.hidden, false);
            assert.ok(
              model.links.some((l) => l.element === "img" && l.locator.startsWith(a.locator + ">")),
              "with an image inside",
            );
          }
        } else {
          assert.equal(anchors.length, 0);
        }
        if (!facts.has_conac_badge) assert.equal(model.links.filter(isConac).length, 0);
      });

      it("sees the 找错 entry as labelled", () => {
        const jiucuo = model.links.filter((l) => (l.url ?? "").includes("jiucuo"));
        switch (facts.jiucuo_form) {
          case "jiucuo_js":
            assert.ok(jiucuo.some((l) => l.kind === "script" && l.url!.endsWith("/exposure/jiucuo.js")));
            break;
          case "link":
            assert.ok(jiucuo.some((l) => l.element === "a" && !l.hidden && /纠错|找错/.test(l.text)));
            break;
          case "link_hidden": {
            const anchors = jiucuo.filter((l) => l.element === "a");
            assert.ok(anchors.length > 0);
            for (const a of anchors) assert.equal(a.hiddenReason, "display:none");
            break;
          }
          default:
            assert.equal(facts.has_jiucuo_link, false);
            assert.equal(jiucuo.length, 0);
        }
      });

      const published = facts.article?.publish_date ?? null;
      const shown = facts.article?.publish_date_text ?? null;
      if (published !== null && shown !== null) {
        it("finds the displayed publish date as a date in the text", () => {
          const at = model.text.indexOf(shown);
          assert.ok(at >= 0, shown);
          const iso = published.replace(" ", "T");
          assert.ok(
            model.dates.some((d) => d.iso === iso && d.offset >= at && d.offset < at + shown.length),
            `${iso} in ${shown}`,
          );
        });
      }

      if (facts.list !== undefined) {
        const newest = facts.list.newest_item_date;
        it("finds the newest list item's date", () => {
          assert.ok(model.dates.some((d) => d.iso === newest));
        });
      }

      if (label.page_subtype === "redirect_meta_refresh") {
        it("reads the meta refresh target", () => {
          assert.notEqual(model.metaRefresh?.url ?? null, null);
          assert.ok(model.links.some((l) => l.element === "meta" && l.kind === "page"));
        });
      }

      if (label.page_subtype === "frameset") {
        it("reads the frame", () => {
          assert.ok(model.links.some((l) => l.kind === "frame"));
        });
      }
    });
  }
});
