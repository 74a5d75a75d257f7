#!/usr/bin/env python3
"""Reads every `reachgraph export` format back with NetworkX (GraphML, GEXF), Python's json and
csv modules (JSON dataset, CSV folder) and Graphviz's own parser (DOT, via `dot -Tdot_json`), and
checks that every attribute of the fixture dataset survives with its type, that missing values
are absent rather than empty, and that merged edges carry JSON lists.

Usage: python3 check_exports.py [path/to/reachgraph]   (default: .build/debug/reachgraph)
Needs NetworkX 3.x and Graphviz's `dot`. Prints one line per check; exits 1 on any failure.
The transcript of the last run is committed next to this file as check_exports.txt.
"""
import csv
import json
import math
import os
import re
import subprocess
import sys
import tempfile
from collections import OrderedDict

import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATASET = os.path.join(HERE, "export-dataset")
BINARY = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "reachgraph")
ACCOUNT_KNOWN = ["id", "name", "kind", "platform", "country", "province", "city", "tier", "followers", "parent", "entity"]
RELATION_KNOWN = ["source", "target", "relation", "weight", "first_seen", "last_seen"]
failures = 0


def check(label, condition, detail=""):
    global failures
    if not condition:
        failures += 1
    print(("ok   " if condition else "FAIL ") + label + ("" if condition else f"  {detail}"))


def read_csv(name):
    with open(os.path.join(DATASET, name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def infer(text):
    """Mirror of AttributeValue(inferringFrom:): typed only when the canonical form is the text."""
    if text == "":
        return None
    if re.fullmatch(r"-?(0|[1-9][0-9]*)", text) and -2**63 <= int(text) < 2**63:
        return int(text)
    try:
        number = float(text)
        if math.isfinite(number) and repr(number) == text and "_" not in text:
            return number
    except ValueError:
        pass
    if text in ("true", "false"):
        return text == "true"
    return text


def column_type(values):
    """Mirror of AttributeColumn.valueType."""
    present = [v for v in values if v is not None]
    if any(isinstance(v, list) for v in present):
        return "json"
    kinds = {type(v) for v in present}
    if str in kinds or (bool in kinds and (int in kinds or float in kinds)):
        return "string"
    if bool in kinds:
        return "boolean"
    if float in kinds:
        return "double"
    return "long" if int in kinds else "string"


def typed(value, kind, original):
    """What a typed reader should return for `value` in a column of `kind`."""
    if value is None:
        return None
    if kind == "double":
        return float(value)
    if kind in ("long", "boolean"):
        return value
    if kind == "json":
        return value
    return original


def expected_accounts():
    rows = read_csv("accounts.csv")
    extras = [c for c in rows[0].keys() if c not in ACCOUNT_KNOWN]
    nodes = OrderedDict()
    for row in rows:
        nodes[row["id"]] = {c: row[c] for c in ACCOUNT_KNOWN[1:] if row.get(c, "") != ""}
        if "followers" in nodes[row["id"]]:
            nodes[row["id"]]["followers"] = int(row["followers"])
    for column in extras:
        inferred = [infer(row[column]) for row in rows]
        kind = column_type(inferred)
        for row, value in zip(rows, inferred):
            if value is not None:
                nodes[row["id"]][column] = typed(value, kind, row[column])
    return nodes, extras


def edge_rows(rows):
    """Each relation row as the edges written: a collaboration between two accounts is undirected,
    so it is written twice, the second time reversed (what a directed reader must see)."""
    for row in rows:
        yield row["source"], row["target"], row
        if row["relation"] == "collaboration" and row["source"] != row["target"]:
            yield row["target"], row["source"], row


def expected_edges(merged):
    rows = read_csv("relations.csv")
    extras = [c for c in rows[0].keys() if c not in RELATION_KNOWN]
    if not merged:
        edges = []
        for source, target, row in edge_rows(rows):
            data = {"relation": row["relation"], "weight": float(row["weight"])}
            for column in ("first_seen", "last_seen"):
                if row[column]:
                    data[column] = row[column]
            edges.append((source, target, data))
        for column in extras:
            inferred = [infer(row[column]) for row in rows]
            kind = column_type(inferred)
            by_row = {id(row): (value, row) for value, row in zip(inferred, rows)}
            for (_, _, data), (_, _, row) in zip(edges, edge_rows(rows)):
                value, _ = by_row[id(row)]
                if value is not None:
                    data[column] = typed(value, kind, row[column])
        return edges
    groups = OrderedDict()
    for source, target, row in edge_rows(rows):
        groups.setdefault((source, target), []).append(row)
    edges = []
    for (source, target), members in groups.items():
        types = list(OrderedDict.fromkeys(m["relation"] for m in members))
        data = {
            "relation": ",".join(types),
            "relations": len(members),
            "weight": sum(float(m["weight"]) for m in members),
        }
        firsts = [m["first_seen"] for m in members if m["first_seen"]]
        lasts = [m["last_seen"] for m in members if m["last_seen"]]
        if firsts:
            data["first_seen"] = min(firsts)
        if lasts:
            data["last_seen"] = max(lasts)
        for column in extras:
            values = [infer(m[column]) for m in members]
            merged_value = values[0] if all(v == values[0] and type(v) is type(values[0]) for v in values) else values
            if merged_value is not None:
                data[column] = merged_value
        edges.append((source, target, data))
    return edges


def run(*arguments):
    result = subprocess.run([BINARY, *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"reachgraph {' '.join(arguments)} failed ({result.returncode}): {result.stderr}")
    return result


def decode_json_columns(data, columns):
    return {k: (json.loads(v) if k in columns and isinstance(v, str) else v) for k, v in data.items()}


def node_label(node, attributes):
    """Account.label: `entity · platform` when the account has an entity, else its name or id."""
    if "entity" in attributes:
        return attributes["entity"] + (f" · {attributes['platform']}" if "platform" in attributes else "")
    return attributes.get("name", node)


def check_graph(fmt, graph, merged):
    nodes, _ = expected_accounts()
    edges = expected_edges(merged)
    mode = "merged" if merged else "rows"
    check(f"{fmt} {mode}: {len(nodes)} nodes", graph.number_of_nodes() == len(nodes), graph.number_of_nodes())
    check(f"{fmt} {mode}: {len(edges)} edges", graph.number_of_edges() == len(edges), graph.number_of_edges())
    check(f"{fmt} {mode}: read as {'DiGraph' if merged else 'MultiDiGraph (the fixture has parallel relations)'}",
          graph.is_multigraph() == (not merged), type(graph).__name__)
    for node, expected in nodes.items():
        actual = dict(graph.nodes[node])
        if fmt == "gexf":
            check(f"{fmt}: label of {node!r} is its entity, name or id", actual.pop("label") == node_label(node, expected))
        check(f"{fmt} {mode}: node {node!r} attributes and types",
              actual == expected and all(type(actual[k]) is type(expected[k]) for k in expected), f"{actual} != {expected}")
    json_columns = {"campaign", "confidence"} if merged else set()
    if graph.is_multigraph():
        actual_edges = sorted(graph.edges(keys=True, data=True), key=lambda e: int(str(e[2]).lstrip("e")))
        actual_edges = [(s, t, d) for s, t, _, d in actual_edges]
    else:
        actual_edges = list(graph.edges(data=True))
    by_pair = {}
    for source, target, data in actual_edges:
        data = {k: v for k, v in data.items() if k not in ("id", "key")}
        by_pair.setdefault((source, target), []).append(decode_json_columns(data, json_columns))
    for index, (source, target, expected) in enumerate(edges):
        candidates = by_pair.get((source, target), [])
        match = any(candidate == expected and all(type(candidate[k]) is type(expected[k]) for k in expected) for candidate in candidates)
        check(f"{fmt} {mode}: edge {index} {source!r} -> {target!r} attributes and types", match, f"{candidates} vs {expected}")


def keep_both_names(pairs):
    """dot_json writes the node's name and its `name` attribute under the same key; keep both."""
    result = {}
    for key, value in pairs:
        result["name attribute" if key == "name" and "name" in result else key] = value
    return result


def as_text(value):
    """How DOT writes a typed value: integers and whole doubles without a fraction."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def check_dot(path):
    nodes, _ = expected_accounts()
    edges = expected_edges(False)
    output = subprocess.run(["dot", "-Tdot_json", path], capture_output=True, text=True, check=True).stdout
    graph = json.loads(output, object_pairs_hook=keep_both_names)
    objects = graph.get("objects", [])
    check(f"dot: {len(nodes)} nodes", len(objects) == len(nodes), len(objects))
    check(f"dot: {len(edges)} edges", len(graph.get("edges", [])) == len(edges))
    names = {obj["_gvid"]: obj["name"] for obj in objects}
    # Node ids double their backslashes (the one encoding that keeps every id distinct).
    dot_id = lambda account: account.replace("\\", "\\\\")
    for (node, expected), obj in zip(nodes.items(), objects):
        check(f"dot: node {node!r} name", obj["name"] == dot_id(node), obj["name"])
        text = {("name attribute" if k == "name" else k): as_text(v) for k, v in expected.items()}
        actual = {k: v for k, v in obj.items() if k not in ("_gvid", "name", "label")}
        check(f"dot: node {node!r} label is its entity, name or id", obj.get("label") == node_label(node, expected), obj.get("label"))
        check(f"dot: node {node!r} attributes as text", actual == text, f"{actual} != {text}")
    # dot_json lists edges by tail node, not in input order: compare as a multiset.
    actual_edges = sorted(json.dumps([names[e["tail"]], names[e["head"]], {k: v for k, v in e.items() if k not in ("_gvid", "tail", "head")}],
                                     sort_keys=True, ensure_ascii=False) for e in graph.get("edges", []))
    expected_edges_text = sorted(json.dumps([dot_id(s), dot_id(t), {k: as_text(v) for k, v in d.items()}], sort_keys=True, ensure_ascii=False)
                                 for s, t, d in edges)
    for index, (actual, expected) in enumerate(zip(actual_edges, expected_edges_text)):
        check(f"dot: edge {index} ends and attributes as text", actual == expected, f"{actual} != {expected}")


def check_json(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    for name in ("accounts", "relations", "posts", "metrics"):
        source = read_csv(f"{name}.csv")
        numeric = {"followers", "weight", "likes", "comments", "shares", "views", "posts", "follower_gain", "qualitative"}
        expected = []
        for row in source:
            item = {}
            for key, value in row.items():
                if value == "":
                    continue
                item[key] = (float(value) if "." in value else int(value)) if key in numeric else value
            expected.append(item)
        check(f"json: {name}: {len(expected)} records, every present value, no missing ones", data.get(name) == expected,
              f"{data.get(name)} != {expected}")


def check_csv(folder):
    for name in ("accounts.csv", "relations.csv", "posts.csv", "metrics.csv"):
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as handle:
            exported = list(csv.reader(handle))
        with open(os.path.join(DATASET, name), newline="", encoding="utf-8") as handle:
            source = list(csv.reader(handle))
        check(f"csv: {name} has the same header and rows", exported == source, f"{exported} != {source}")


def main():
    print(f"NetworkX {nx.__version__}; {subprocess.run(['dot', '-V'], capture_output=True, text=True).stderr.strip()}")
    print(f"reachgraph: {os.path.relpath(BINARY, ROOT)}; dataset: {os.path.relpath(DATASET, ROOT)}")
    with tempfile.TemporaryDirectory() as folder:
        for merged in (False, True):
            mode = ["--edges", "merged"] if merged else []
            for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
                path = os.path.join(folder, f"out-{'merged' if merged else 'rows'}.{fmt}")
                result = run("export", DATASET, "--to", fmt, "-o", path, *mode)
                if merged:
                    check(f"{fmt} merged: the command says which columns are JSON text",
                          'edge attribute "campaign" holds JSON text' in result.stderr
                          and 'edge attribute "relation"' not in result.stderr, result.stderr)
                    check(f"{fmt} merged: relation is plain text, so == 'repost' finds the single-type edges",
                          any(d.get("relation") == "repost" for _, _, d in reader(path).edges(data=True)))
                check_graph(fmt, reader(path), merged)
        path = os.path.join(folder, "out.dot")
        run("export", DATASET, "--to", "dot", "-o", path)
        check_dot(path)
        path = os.path.join(folder, "out.json")
        run("export", DATASET, "--to", "json", "-o", path)
        check_json(path)
        path = os.path.join(folder, "csv")
        run("export", DATASET, "--to", "csv", "-o", path)
        check_csv(path)
    print("ALL CHECKS PASSED" if failures == 0 else f"{failures} CHECKS FAILED")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
