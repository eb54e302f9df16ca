import assert from "node:assert/strict";
import { test } from "node:test";
import { checkPublicUrl, refusePublicUrl } from "../../src/server/publicUrl.ts";

/** A resolver over a fixed table: names are looked up without any network. */
function table(entries: Record<string, string[]>) {
  const asked: string[] = [];
  const lookup = async (host: string) => {
    asked.push(host);
    const addresses = entries[host];
    if (addresses === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return addresses;
  };
  return { lookup, asked };
}

const noLookup = async (host: string): Promise<string[]> => {
  throw new Error(`an address literal must not be looked up: ${host}`);
};

test("public addresses and names that resolve only to public addresses may be fetched", async () => {
  const { lookup, asked } = table({
    "www.demo-city.gov.cn": ["203.119.25.1", "2400:da00::6666"],
    "www.gov.cn": ["8.8.8.8"],
  });
  assert.equal(await checkPublicUrl("https://www.demo-city.gov.cn/zwgk/1.html?a=1#x", lookup), null);
  assert.equal(await checkPublicUrl("http://www.gov.cn:8080/", lookup), null);
  assert.deepEqual(asked, ["www.demo-city.gov.cn", "www.gov.cn"]);
  for (const url of [
    "http://1.1.1.1/",
    "http://[2400:3200::1]/",
    "http://100.128.0.1/",
    "http://172.32.0.1/",
    "http://[2002:0808:0808::1]/",
    "http://[64:ff9b::8.8.8.8]/",
  ])
    assert.equal(await checkPublicUrl(url, noLookup), null, url);
});

test("other schemes, credentials and garbage are refused", async () => {
  const { lookup } = table({ "www.gov.cn": ["8.8.8.8"] });
  for (const url of [
    "ftp://www.gov.cn/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "gopher://www.gov.cn/",
    "data:text/html,x",
  ])
    assert.match((await checkPublicUrl(url, lookup))!, /http 或 https/, url);
  assert.match((await checkPublicUrl("http://admin:pw@www.gov.cn/", lookup))!, /用户名或密码/);
  assert.match((await checkPublicUrl("http://user@www.gov.cn/", lookup))!, /用户名或密码/);
  assert.match((await checkPublicUrl("not a url", lookup))!, /格式不正确/);
  assert.match((await checkPublicUrl("http://nowhere.invalid/", lookup))!, /无法解析/);
  assert.match(
    (await checkPublicUrl("http://empty.example/", table({ "empty.example": [] }).lookup))!,
    /无法解析/,
  );
});

test("internal IPv4 ranges are refused, in every spelling the URL parser accepts", async () => {
  const internal = [
    "http://127.0.0.1/",
    "http://127.8.9.10:8080/",
    "http://localhost./", // resolved below
    "http://10.1.2.3/",
    "http://172.16.0.1/",
    "http://172.31.255.255/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://100.64.0.1/",
    "http://100.127.255.254/",
    "http://0.0.0.0/",
    "http://0/",
    "http://224.0.0.1/",
    "http://239.255.255.250/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "http://192.0.0.8/",
    "http://198.18.0.1/",
    // decimal, octal, hex and shortened forms of 127.0.0.1 and 169.254.169.254
    "http://2130706433/",
    "http://017700000001/",
    "http://0x7f000001/",
    "http://0x7f.1/",
    "http://127.1/",
    "http://0177.0.0.01/",
    "http://2852039166/",
    "http://0xa9.0xfe.0xa9.0xfe/",
  ];
  const { lookup } = table({ "localhost.": ["127.0.0.1"] });
  for (const url of internal) assert.match((await checkPublicUrl(url, lookup))!, /内部网络地址/, url);
});

test("internal IPv6 ranges and IPv6 forms of internal IPv4 addresses are refused", async () => {
  const internal = [
    "http://[::1]/",
    "http://[::]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[fc00::1]/",
    "http://[fd12:3456:789a::1]/",
    "http://[fe80::1]/",
    "http://[febf::1]/",
    "http://[ff02::1]/",
    "http://[fec0::1]/",
    "http://[2001:db8::1]/",
    "http://[2001::1]/", // Teredo
    // IPv4-mapped, IPv4-translated, IPv4-compatible, NAT64 (well-known and local-use), 6to4
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:0:10.0.0.1]/",
    "http://[::192.168.0.1]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[64:ff9b:1::8.8.8.8]/",
    "http://[2002:c0a8:101::1]/",
    "http://[2002:7f00:1::]/",
  ];
  for (const url of internal) assert.match((await checkPublicUrl(url, noLookup))!, /内部网络地址/, url);
});

test("a name is refused when any of its addresses is internal", async () => {
  const names = {
    "metadata.example": ["169.254.169.254"],
    "mixed.example": ["8.8.8.8", "10.0.0.5"],
    "v6.example": ["2400:da00::6666", "::1"],
    "mapped.example": ["::ffff:192.168.0.10"],
    "nat64.example": ["64:ff9b::10.0.0.1"],
  };
  const { lookup } = table(names);
  for (const host of Object.keys(names)) {
    const reason = await checkPublicUrl(`https://${host}/page`, lookup);
    assert.match(reason!, new RegExp(`${host.replace(".", "\\.")} 解析到内部网络地址`), host);
  }
});

test("the default resolver is the system's: localhost is internal", async () => {
  assert.match((await checkPublicUrl("http://localhost:8080/admin"))!, /localhost 解析到内部网络地址/);
});

test("refusals say their kind, so a 找错 report may keep a name that does not resolve but nothing internal", async () => {
  const { lookup } = table({ "intranet.example": ["10.1.2.3"] });
  assert.equal((await refusePublicUrl("http://nowhere.invalid/", lookup))?.kind, "unresolved");
  assert.equal((await refusePublicUrl("http://intranet.example/", lookup))?.kind, "internal");
  assert.equal((await refusePublicUrl("http://127.0.0.1/", noLookup))?.kind, "internal");
  assert.equal((await refusePublicUrl("ftp://www.gov.cn/", noLookup))?.kind, "malformed");
});
