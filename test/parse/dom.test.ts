import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Document, Element, Text, type AnyNode } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
import { buildDom } from "../../src/parse/dom.ts";

function element(node: AnyNode | null | undefined): Element {
  assert.ok(node instanceof Element, `expected an element, got ${node?.type}`);
  return node;
}

function find(root: AnyNode, name: string): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n instanceof Element && n.name === name) out.push(n);
    if (n instanceof Element || n instanceof Document)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** Every parent/child/sibling link agrees with the children arrays, as domhandler's handler leaves them. */
function assertLinked(root: Document | Element): number {
  let count = 0;
  const stack: Array<Document | Element> = [root];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    parent.children.forEach((child, i) => {
      count += 1;
      assert.equal(child.parent, parent);
      assert.equal(child.prev, parent.children[i - 1] ?? null);
      assert.equal(child.next, parent.children[i + 1] ?? null);
      if (child instanceof Element) stack.push(child);
    });
  }
  return count;
}

describe("buildDom", () => {
  it("builds the same tree as htmlparser2's parseDocument on well-formed markup", () => {
    const html =
      '<html><head><title>T &amp; x</title><script>if (a<b) x="</div>";</script><style>p>a{}</style></head>' +
      '<body><div ID="Main" Class="x y" class="dup"><p>one &lt; two&nbsp;three</p>' +
      '<ul><li><a href="/a?x=1&amp;y=2" title="&quot;q&quot;">L</a></li></ul>' +
      '<table><tbody><tr><td>c</td></tr></tbody></table><img src="i.png" alt="图"><br></div></body></html>';
    assert.equal(DomUtils.getOuterHTML(buildDom(html)), DomUtils.getOuterHTML(parseDocument(html)));
  });

  it("uses domhandler's classes, lower-case names and first-wins attributes", () => {
    const dom = buildDom('<DIV Id="a" id="b" CLASS="list"><A HREF="/x">标题</A>文本&amp;更多</DIV>');
    assert.ok(dom instanceof Document);
    const div = element(find(dom, "div")[0]);
    assert.deepEqual(div.attribs, { id: "a", class: "list" });
    assert.equal(div.type, "tag");
    const a = element(div.children[0]);
    assert.equal(a.name, "a");
    assert.equal(a.attribs["href"], "/x");
    const text = div.children[1];
    assert.ok(text instanceof Text);
    assert.equal(text.data, "文本&更多", "text split at an entity is one node");
    assert.equal(element(find(dom, "html")[0]).parent, dom);
    assert.equal(find(buildDom("<script>var a = 1;</script>"), "script")[0]?.type, "script");
    assertLinked(dom);
  });

  it("applies the tree builder's implied structure (html/head/body, tbody, closed li and p)", () => {
    const dom = buildDom("<title>t</title><ul><li>one<li>two</ul><p>a<p>b<table><tr><td>x</table>");
    const html = element(dom.children[0]);
    assert.deepEqual(
      html.children.map((c) => element(c).name),
      ["head", "body"],
    );
    const lis = find(dom, "li");
    assert.equal(lis.length, 2);
    assert.equal(lis[1]!.prev, lis[0]);
    assert.equal(find(dom, "tbody").length, 1);
    assert.equal(find(dom, "p").length, 2);
    assertLinked(dom);
  });

  it("keeps a late <meta> in the head and skips comments and doctype", () => {
    const dom = buildDom(
      '<!DOCTYPE html><html><head></head><meta name="PubDate" content="x"><!-- c --><body>t</body>',
    );
    const head = element(find(dom, "head")[0]);
    assert.equal(element(head.children[0]).name, "meta");
    assert.ok(find(dom, "body")[0]!.children.every((c) => c instanceof Text));
    assertLinked(dom);
  });

  it("never throws", () => {
    for (const html of [
      "",
      "<",
      "</",
      "<<<>>>",
      "<a href='",
      "<svg><p>x</svg>",
      "\u0000<div\u0000>",
      "&#xD800;&#99999999;",
    ]) {
      const dom = buildDom(html);
      assert.ok(dom instanceof Document);
      assertLinked(dom);
    }
  });

  it("builds 1 MB of hostile markup in linear time, not quadratic", (t) => {
    const cases: Array<[string, string]> = [
      ["nested <div>", "<div>".repeat(200_000)],
      ["stray </p><td>", "</p><td>".repeat(130_000)],
      ["nested <div> with stray end tags", "<div></span></td>".repeat(60_000)],
      ["nested formatting", "<b><i><a href=x>".repeat(65_000)],
    ];
    for (const [name, html] of cases) {
      assert.ok(html.length >= 1_000_000, name);
      const start = performance.now();
      const dom = buildDom(html);
      const ms = performance.now() - start;
      t.diagnostic(`${name}: ${(html.length / 1e6).toFixed(2)} MB in ${ms.toFixed(0)} ms`);
      // A quadratic tree build takes minutes on this input, a linear one a fraction of a second: a bound
      // of seconds tells them apart also on a loaded CI machine (speed itself is bench/'s business).
      assert.ok(ms < 5000, `${name}: ${ms.toFixed(0)} ms`);
      assert.ok(assertLinked(dom) > 0);
    }
  });
});
