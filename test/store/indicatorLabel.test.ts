import assert from "node:assert/strict";
import { test } from "node:test";
import { indicatorLabel } from "../../src/store/dashboardRepository.ts";

test("the dashboard names an indicator by its item, whatever document or sub-item cites it", () => {
  assert.equal(indicatorLabel("19号·单项否决·站点无法访问"), "站点无法访问");
  assert.equal(
    indicatorLabel("15号·网站可用性·链接可用性；19号·扣分·网站可用性（首页链接）"),
    indicatorLabel("15号·网站可用性·链接可用性；15号·服务实用情况·附件下载（其他页面链接）"),
  );
  // A "；" inside brackets does not end the first clause.
  assert.equal(indicatorLabel("19号·单项否决·安全（挂马、内容被篡改；链接色情等内容）"), "安全");
  assert.equal(indicatorLabel("19号·扣分·解读回应（政策解读）"), "解读回应");
  assert.equal(indicatorLabel("link.dead"), "link.dead");
});
