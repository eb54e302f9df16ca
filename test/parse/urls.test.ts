import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  cleanUrlValue,
  extensionKind,
  isSkippedUrl,
  parseRefresh,
  parseSrcset,
} from "../../src/parse/urls.ts";

describe("attribute values", () => {
  it("strips tab and newline anywhere and trims C0 controls and spaces", () => {
    assert.equal(cleanUrlValue(" \u0001 /a\n/b\t?c\r \u0000"), "/a/b?c");
    assert.equal(cleanUrlValue("/plain"), "/plain");
  });

  it("recognises values that are not links", () => {
    for (const v of [
      "",
      "#",
      "#top",
      "javascript:void(0)",
      "JAVASCRIPT:x",
      "mailto:a@b",
      "tel:1",
      "data:,x",
    ]) {
      assert.equal(isSkippedUrl(v), true, v);
    }
    for (const v of ["about:blank", "vbscript:x"]) assert.equal(isSkippedUrl(v), true, v);
    for (const v of ["a.html", "/x:y", "http://x", "ftp://x", "javascript.html", "?a=javascript:"]) {
      assert.equal(isSkippedUrl(v), false, v);
    }
  });

  it("splits srcset like a browser", () => {
    assert.deepEqual(parseSrcset("a.png 1x, b.png 2x"), ["a.png", "b.png"]);
    // A comma inside a run of non-space characters belongs to the URL (the WHATWG algorithm).
    assert.deepEqual(parseSrcset("  a.png,b.png  ,  c.png 100w"), ["a.png,b.png", "c.png"]);
    assert.deepEqual(parseSrcset("a.png, b.png"), ["a.png", "b.png"]);
    assert.deepEqual(parseSrcset("a,b.png 1x, data:x;a,b 2x"), ["a,b.png", "data:x;a,b"]);
    assert.deepEqual(parseSrcset("x.png (max-width: 1px, 2px) 1x, y.png"), ["x.png", "y.png"]);
    assert.deepEqual(parseSrcset(" , ,"), []);
  });

  it("reads the extension from the path only", () => {
    assert.equal(extensionKind("http://a.example/x/file.PDF?download=1#p", ""), "attachment");
    assert.equal(extensionKind("http://a.example/get.jsp?file=a.pdf", ""), undefined);
    assert.equal(extensionKind("http://a.example/dir.v2/", ""), undefined);
    assert.equal(extensionKind(null, "img/a.jpeg"), "image");
  });

  it("parses meta refresh content", () => {
    assert.deepEqual(parseRefresh("0;url=/webmail/"), { delaySeconds: 0, url: "/webmail/" });
    assert.deepEqual(parseRefresh("5; URL='a b.html'"), { delaySeconds: 5, url: "a b.html" });
    assert.deepEqual(parseRefresh('3,url="x.html"'), { delaySeconds: 3, url: "x.html" });
    assert.deepEqual(parseRefresh("2 http://x.example/"), { delaySeconds: 2, url: "http://x.example/" });
    assert.deepEqual(parseRefresh("10"), { delaySeconds: 10, url: undefined });
    assert.deepEqual(parseRefresh("1.5; url = next.html"), { delaySeconds: 1, url: "next.html" });
    assert.deepEqual(parseRefresh("urlonly"), undefined);
    assert.deepEqual(parseRefresh(""), undefined);
  });
});
