import assert from "node:assert/strict";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { decodeBody } from "../../src/fetch/charset.ts";
import { Fetcher } from "../../src/fetch/fetcher.ts";
import { connectTo, startServer, testOptions } from "./servers.ts";

/** Long enough for detection to be sure; includes characters outside GB2312 and Big5's common set. */
const TEXT =
  "国务院办公厅关于印发政府网站发展指引的通知。各省、自治区、直辖市人民政府，国务院各部委、各直属机构：" +
  "《政府网站发展指引》已经国务院同意，现印发给你们，请认真贯彻执行。政务公开，办事服务，互动交流。";

/** Big5 has traditional characters only. */
const TRADITIONAL =
  "國務院辦公廳關於印發政府網站發展指引的通知。各省、自治區、直轄市人民政府，國務院各部委、各直屬機構：" +
  "《政府網站發展指引》已經國務院同意，現印發給你們，請認真貫徹執行。政務公開，辦事服務，互動交流。";

function page(text: string, head = ""): string {
  return `<!DOCTYPE html><html><head>${head}<title>测试</title></head><body><p>${text}</p></body></html>`;
}

describe("decodeBody", () => {
  it("uses the Content-Type charset when only the header declares it", () => {
    const decoded = decodeBody(iconv.encode(page(TEXT), "gbk"), "text/html; charset=GBK");
    assert.equal(decoded.source, "header");
    assert.equal(decoded.charset, "gbk");
    assert.ok(decoded.text.includes(TEXT));
  });

  it("reads <meta charset> and <meta http-equiv> when only the page declares it", () => {
    const big5 = decodeBody(iconv.encode(page(TRADITIONAL, '<meta charset="big5">'), "big5"), "text/html");
    assert.deepEqual([big5.source, big5.charset], ["meta", "big5"]);
    assert.ok(big5.text.includes(TRADITIONAL));

    const gb2312 = decodeBody(
      iconv.encode(page(TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), "gbk"),
      undefined,
    );
    assert.deepEqual([gb2312.source, gb2312.charset], ["meta", "gbk"]);
    assert.ok(gb2312.text.includes(TEXT));
  });

  it("decodes gb2312 and gbk labels as the gb18030 superset, like browsers", () => {
    // 𠮷 (U+20BB7) only exists as a four-byte GB18030 sequence; ICU's plain gbk would mangle it.
    const text = `${TEXT}𠮷`;
    for (const label of ["gb2312", "GBK", "gb18030"]) {
      const decoded = decodeBody(iconv.encode(page(text), "gb18030"), `text/html; charset=${label}`);
      assert.ok(decoded.text.includes(text), label);
      assert.equal(decoded.charset, label === "gb18030" ? "gb18030" : "gbk");
    }
  });

  it("detects GB18030 and Big5 when nothing is declared", () => {
    const gbk = decodeBody(iconv.encode(page(TEXT), "gbk"), "text/html");
    assert.equal(gbk.source, "detected");
    assert.equal(gbk.charset, "gb18030");
    assert.ok(gbk.text.includes(TEXT));

    const big5 = decodeBody(iconv.encode(page(TRADITIONAL), "big5"), undefined);
    assert.deepEqual([big5.source, big5.charset], ["detected", "big5"]);
    assert.ok(big5.text.includes(TRADITIONAL));

    const utf8 = decodeBody(Buffer.from(page(TEXT)), undefined);
    assert.deepEqual([utf8.source, utf8.charset], ["detected", "utf-8"]);
  });

  it("honours a BOM and strips it", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(TEXT))]);
    const decoded = decodeBody(bytes, "text/html; charset=gbk");
    assert.deepEqual([decoded.source, decoded.charset], ["bom", "utf-8"]);
    assert.ok(decoded.text.startsWith("<!DOCTYPE"));
  });

  it("falls through an unknown header label, and a header the bytes are invalid in, to the meta", () => {
    const bytes = iconv.encode(page(TEXT, '<meta charset="gbk">'), "gbk");
    const unknown = decodeBody(bytes, "text/html; charset=x-no-such-charset");
    assert.deepEqual([unknown.source, unknown.charset], ["meta", "gbk"]);
    assert.deepEqual(unknown.rejected, [
      { source: "header", label: "x-no-such-charset", reason: "unknown-label" },
    ]);
    assert.ok(unknown.text.includes(TEXT));

    // The common server default: "utf-8" in front of a GBK page.
    const wrong = decodeBody(bytes, 'text/html; charset="UTF-8"');
    assert.deepEqual([wrong.source, wrong.charset], ["meta", "gbk"]);
    assert.deepEqual(wrong.rejected, [{ source: "header", label: "UTF-8", reason: "invalid-bytes" }]);
  });

  it("defaults to utf-8 for plain ASCII", () => {
    const decoded = decodeBody(Buffer.from("<html>hello</html>"), undefined);
    assert.deepEqual(
      [decoded.source, decoded.charset, decoded.text],
      ["default", "utf-8", "<html>hello</html>"],
    );
  });

  it("does not reject a declared charset because the body was cut inside a character", () => {
    const bytes = iconv.encode(TEXT, "gbk");
    const cut = bytes.subarray(0, bytes.length - 1);
    const decoded = decodeBody(cut, "text/html; charset=gbk");
    assert.equal(decoded.source, "header");
    assert.ok(decoded.text.startsWith(TEXT.slice(0, -2)));
  });
});

describe("charset over HTTP", () => {
  it("fetches a GBK page declared only in <meta> and decodes it", async () => {
    const bytes = iconv.encode(
      page(TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
      "gbk",
    );
    const server = await startServer((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(bytes),
    );
    const fetcher = new Fetcher(testOptions({ mappings: [connectTo("www.test-a.gov.cn", server.port)] }));
    try {
      const result = await fetcher.fetch("http://www.test-a.gov.cn/");
      assert.ok(result.body);
      const decoded = decodeBody(result.body, result.headers["content-type"]);
      assert.equal(decoded.charset, "gbk");
      assert.ok(decoded.text.includes(TEXT));
    } finally {
      await fetcher.close();
      await server.close();
    }
  });
});
