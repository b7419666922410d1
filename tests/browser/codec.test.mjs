// The browser's decoder of src/index/pack.rs (varints and packs, in
// search.js) against the byte-exact examples the Rust tests check too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

const root = new URL("../../", import.meta.url);
const vectors = JSON.parse(readFileSync(new URL("tests/codec-vectors.json", root), "utf8"));
const context = { TextEncoder };
vm.runInNewContext(readFileSync(new URL("themes/default/static/search.js", root), "utf8"), context);
const { varints, unpack, packOf } = context.signpostCodec;

test("varints decode as the Rust side encodes them", () => {
  for (const [value, bytes] of vectors.varint) assert.equal(varints(Uint8Array.from(bytes)).next(), value);
});

test("packs unpack into the entries the Rust side packed", () => {
  for (const [entries, bytes] of vectors.pack) {
    // Arrays of the script's realm: compared as JSON.
    assert.equal(JSON.stringify(unpack(Uint8Array.from(bytes)).map((e) => [...e])), JSON.stringify(entries));
  }
});

test("a pack is found by its first item", () => {
  assert.deepEqual([0, 9, 10, 24, 25, 1000].map((k) => packOf([0, 10, 25], k)), [0, 0, 1, 1, 2, 2]);
  assert.equal(packOf(["00", "6162"], "6161"), 0);
});
