"""ReachGraph's data-parallel analyses on Apache Spark (plain DataFrame API, no GraphFrames).

Reads a folder written by `reachgraph export INPUT --to spark DIR` and writes ReachGraph's tidy
tables into OUT, one folder of CSV parts per table (each part with its header):

  scores/              id, in_degree, out_degree, in_strength, out_strength, component,
                       component_size, pagerank — one row per account
  components/          component, size — largest first
  coordination_edges/  the columns of `reachgraph coordination --table edges`
  cascades/            root, root_account, size, depth — cascades of at least --min-size accounts
  run.json             what ran: options, PageRank iterations, label-propagation rounds, counts

Every number follows ReachGraph (and so NetworkX) exactly; see README.md beside this file for the
definitions and the two places where Spark's summation order can move the last bits.

Usage: spark-submit reachgraph_spark.py EXPORT OUT [--window S] [--bins] [--only NAMES] ...
       (or python reachgraph_spark.py ..., which starts a local[2] session)
"""

import argparse
import json
import math
import os
import sys
import time

from py4j.protocol import Py4JJavaError
from pyspark.errors import PySparkException
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

ANALYSES = ("degree", "components", "pagerank", "coordination", "cascades")
SPARK_TYPES = {"string": T.StringType(), "long": T.LongType(), "double": T.DoubleType()}


def materialize(frame, round_, every):
    """Cuts an iterative plan: a self-joined frame whose lineage kept growing would double its
    plan every round. Every round is kept locally (executor storage); every `every` rounds it is
    written to the checkpoint directory, which a cluster can recover from."""
    return frame.checkpoint() if round_ % every == 0 else frame.localCheckpoint()


class InputError(Exception):
    """Bad input: reported as one line, exit code 1."""


# ---------------------------------------------------------------------------------------------
# Reading the export


def read_export(spark, folder):
    """The tables of an export as DataFrames typed by its schema.json, and the schema."""
    path = os.path.join(folder, "schema.json")
    try:
        if is_local(folder):
            with open(path[len("file://"):] if path.startswith("file://") else path, encoding="utf-8") as handle:
                text = handle.read()
        else:
            # On a cluster the export sits on HDFS or an object store: read it through Spark.
            text = spark.read.text(path, wholetext=True).first()[0]
        schema = json.loads(text)
    except (FileNotFoundError, PySparkException):
        raise InputError(f"{folder}: no schema.json (write it with `reachgraph export INPUT --to spark {folder}`)")
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}:{error.colno}: {error.msg}")
    if schema.get("format") != "reachgraph-spark" or schema.get("version") != 1:
        raise InputError(f"{path}: not a reachgraph-spark export of version 1")
    options = {key: str(value).lower() if isinstance(value, bool) else value for key, value in schema["csv"].items()}
    # Bad rows stop the run rather than turning into nulls.
    options["mode"] = "FAILFAST"
    tables = {}
    for name, table in schema["tables"].items():
        struct = T.StructType([T.StructField(column["name"], SPARK_TYPES[column["type"]], True) for column in table["columns"]])
        files = [os.path.join(folder, name, part) for part in table["parts"]]
        tables[name] = spark.read.options(**options).schema(struct).csv(files)
    return tables, schema


def edges_of(relations, undirected):
    """The information-flow graph's edges (src, dst, weight) as `Dataset.graph()` builds them:
    undirected relations both ways (a self-loop once), parallel relations summed into one edge."""
    directed = relations.select(F.col("source").alias("src"), F.col("target").alias("dst"), "weight", "relation")
    mirrored = directed.where(F.col("relation").isin(undirected) & (F.col("src") != F.col("dst"))).select(
        F.col("dst").alias("src"), F.col("src").alias("dst"), "weight", "relation"
    )
    return directed.unionByName(mirrored).groupBy("src", "dst").agg(F.sum("weight").alias("weight"))


# ---------------------------------------------------------------------------------------------
# Degree and strength


def degrees(nodes, edges):
    """In/out degree (distinct neighbours over merged edges, a self-loop counts on both sides)
    and in/out strength (summed weights), as ReachGraph's degree and strength measures before
    NetworkX's degree_centrality divides by n − 1."""
    out = edges.groupBy(F.col("src").alias("id")).agg(F.count("*").alias("out_degree"), F.sum("weight").alias("out_strength"))
    into = edges.groupBy(F.col("dst").alias("id")).agg(F.count("*").alias("in_degree"), F.sum("weight").alias("in_strength"))
    return (
        nodes.join(into, "id", "left").join(out, "id", "left")
        .select(
            "id",
            F.coalesce("in_degree", F.lit(0)).cast("long").alias("in_degree"),
            F.coalesce("out_degree", F.lit(0)).cast("long").alias("out_degree"),
            F.coalesce("in_strength", F.lit(0.0)).alias("in_strength"),
            F.coalesce("out_strength", F.lit(0.0)).alias("out_strength"),
        )
    )


# ---------------------------------------------------------------------------------------------
# Weakly connected components


def weak_components(spark, nodes, edges, checkpoint_every):
    """Weakly connected components by min-label propagation with pointer jumping: every account
    starts with its own id as label; each round takes the smallest label among itself and its
    neighbours, then the label of that label's account (which halves long chains). Stops when no
    label changes. The component's name is its smallest account id.

    Rounds grow with the diameter (logarithmically thanks to the jump); each round is two joins
    and a groupBy over the edges. Returns (id, component, component_size) and the round count."""
    links = (
        edges.where(F.col("src") != F.col("dst")).select("src", "dst")
        .unionByName(edges.where(F.col("src") != F.col("dst")).select(F.col("dst").alias("src"), F.col("src").alias("dst")))
        .distinct().cache()
    )
    labels = nodes.select("id", F.col("id").alias("label")).cache()
    rounds = 0
    while True:
        rounds += 1
        offered = links.join(labels.withColumnRenamed("id", "src"), "src").groupBy(F.col("dst").alias("id")).agg(F.min("label").alias("offer"))
        proposed = labels.join(offered, "id", "left").select("id", F.least("label", F.coalesce("offer", "label")).alias("label")).localCheckpoint()
        jumped = (
            proposed.alias("a").join(proposed.alias("b"), F.col("a.label") == F.col("b.id"), "left")
            .select(F.col("a.id").alias("id"), F.least(F.col("a.label"), F.coalesce(F.col("b.label"), F.col("a.label"))).alias("label"))
        )
        jumped = materialize(jumped, rounds, checkpoint_every)
        changed = jumped.alias("n").join(labels.alias("o"), "id").where(F.col("n.label") != F.col("o.label")).count()
        labels = jumped
        if changed == 0:
            break
    links.unpersist()
    sizes = labels.groupBy(F.col("label").alias("component")).agg(F.count("*").alias("component_size"))
    result = labels.withColumnRenamed("label", "component").join(sizes, "component").select("id", "component", "component_size")
    return result, rounds


# ---------------------------------------------------------------------------------------------
# PageRank


class NoConvergence(Exception):
    pass


def pagerank(nodes, edges, node_count, damping, max_iterations, tolerance, checkpoint_every):
    """PageRank with NetworkX's semantics (`networkx.pagerank`, as `reachgraph rank --by pagerank`):
    uniform start and teleport, out-weights normalised per node, the rank of dangling nodes (zero
    out-strength) spread by the personalisation (uniform), power iteration stopping when the L1
    change of a step is below n × tol, failing after max_iter steps. Scores sum to 1 (GraphX's
    convention sums to n; this one is NetworkX's).

    Each step: one join of the edges with the ranks, a groupBy on the target, a join back to the
    nodes, and one action that returns the step's L1 change and the next dangling mass together.
    Returns (id, pagerank) and the number of steps."""
    n = float(node_count)
    strength = edges.groupBy(F.col("src").alias("id")).agg(F.sum("weight").alias("strength"))
    state = (
        nodes.join(strength, "id", "left")
        .select("id", (F.coalesce("strength", F.lit(0.0)) == 0).alias("dangling"),
                F.when(F.coalesce("strength", F.lit(0.0)) != 0, 1.0 / F.col("strength")).otherwise(0.0).alias("inverse"),
                F.lit(1.0 / n).alias("rank"))
        .cache()
    )
    transitions = edges.join(state.select(F.col("id").alias("src"), "inverse"), "src").where(F.col("inverse") != 0).select("src", "dst", "weight").cache()
    dangling_mass = state.where("dangling").agg(F.sum("rank")).first()[0] or 0.0
    for step in range(1, max_iterations + 1):
        # ReachGraph pulls weight × (rank × 1/s⁺) along each in-edge; the same product here.
        pulled = (
            transitions.join(state.select(F.col("id").alias("src"), (F.col("rank") * F.col("inverse")).alias("scaled")), "src")
            .groupBy(F.col("dst").alias("id")).agg(F.sum(F.col("weight") * F.col("scaled")).alias("pulled"))
        )
        following = (
            state.join(pulled, "id", "left")
            .select("id", "dangling", "inverse", "rank",
                    (F.lit(damping) * (F.coalesce("pulled", F.lit(0.0)) + F.lit(dangling_mass / n)) + F.lit((1 - damping) / n)).alias("next"))
        )
        following = materialize(following, step, checkpoint_every)
        totals = following.agg(F.sum(F.abs(F.col("next") - F.col("rank"))).alias("change"),
                               F.sum(F.when(F.col("dangling"), F.col("next")).otherwise(0.0)).alias("dangling")).first()
        state = following.select("id", "dangling", "inverse", F.col("next").alias("rank"))
        dangling_mass = totals["dangling"] or 0.0
        if totals["change"] < n * tolerance:
            return state.select("id", F.col("rank").alias("pagerank")), step
    raise NoConvergence(f"PageRank did not converge in {max_iterations} iterations (tolerance {tolerance})")


# ---------------------------------------------------------------------------------------------
# Co-action (coordination) pairs


def shares_of(posts):
    """Shares keyed by the reposted object (`parent_post`, else a `root_post` other than the post
    itself), as ReachGraph's `ShareLog` with `--object parent`; with each account's position of
    first appearance among the shares, which orders the two ends of an edge as ReachGraph does."""
    obj = F.coalesce(F.col("parent_post"), F.when(F.col("root_post") != F.col("post_id"), F.col("root_post")))
    shares = posts.select(F.col("_row").alias("row"), F.col("author").alias("account"), F.col("post_id").alias("message"), "time", obj.alias("object")).where(F.col("object").isNotNull())
    first = shares.groupBy("account").agg(F.min("row").alias("order"))
    return shares.join(first, "account")


def coordination_edges(posts, window, bins):
    """Co-action edges with the weights of `reachgraph coordination --window W` (CooRTweet/QUT
    semantics; CooRnet's fixed bins with `bins`), default options: no participation minimum, no
    self-loops, weight = co-shares.

    Two shares pair when they share an object, are by different accounts, are different messages,
    neither is its own object, and `|Δt| ≤ W` (or the same bin ⌊(t − t_first)/W⌋ counted from the
    object's first share). The self-join runs on (object, time bucket): each share meets only the
    shares of its own and the neighbouring buckets of width W, so a popular object costs its
    pairs, not the square of its shares. Per account pair: co_shares = pairs, objects = distinct
    objects, messages_a/b = distinct messages of each side matched by the other, mean Δt."""
    shares = shares_of(posts).where(F.col("object") != F.col("message"))
    everything = shares_of(posts)
    if bins:
        first = everything.groupBy("object").agg(F.min("time").alias("first"))
        keyed = shares.join(first, "object").withColumn("bucket", F.floor((F.col("time") - F.col("first")) / F.lit(window)))
        left = keyed
        right = keyed
        condition = []
    else:
        keyed = shares.withColumn("bucket", F.floor(F.col("time") / F.lit(window)))
        left = keyed
        right = keyed.withColumn("bucket", F.explode(F.array(F.col("bucket") - 1, F.col("bucket"), F.col("bucket") + 1)))
        condition = [F.abs(F.col("b.time") - F.col("a.time")) <= F.lit(window)]
    pairs = left.alias("a").join(right.alias("b"), (F.col("a.object") == F.col("b.object")) & (F.col("a.bucket") == F.col("b.bucket")) & (F.col("a.row") < F.col("b.row")))
    for extra in condition + [F.col("a.account") != F.col("b.account"), F.col("a.message") != F.col("b.message")]:
        pairs = pairs.where(extra)
    a_low = (F.col("a.order") < F.col("b.order"))
    pairs = pairs.select(
        F.when(a_low, F.col("a.account")).otherwise(F.col("b.account")).alias("account_a"),
        F.when(a_low, F.col("b.account")).otherwise(F.col("a.account")).alias("account_b"),
        F.least("a.order", "b.order").alias("order_a"), F.greatest("a.order", "b.order").alias("order_b"),
        F.col("a.object").alias("object"),
        F.when(a_low, F.col("a.message")).otherwise(F.col("b.message")).alias("message_a"),
        F.when(a_low, F.col("b.message")).otherwise(F.col("a.message")).alias("message_b"),
        F.abs(F.col("b.time") - F.col("a.time")).alias("delta"),
    )
    edges = pairs.groupBy("account_a", "account_b", "order_a", "order_b").agg(
        F.count("*").alias("co_shares"), F.countDistinct("object").alias("objects"),
        F.countDistinct("message_a").alias("messages_a"), F.countDistinct("message_b").alias("messages_b"),
        F.sum("delta").alias("delta_sum"),
    )
    return (
        edges.select(
            "account_a", "account_b", F.col("co_shares").cast("double").alias("weight"), "co_shares", "objects", "messages_a", "messages_b",
            (F.least("messages_a", "messages_b") / F.greatest("messages_a", "messages_b")).alias("symmetry"),
            (F.col("delta_sum") / F.col("co_shares")).alias("mean_delta_seconds"), "order_a", "order_b",
        )
        .orderBy(F.desc("weight"), "order_a", "order_b")
        .drop("order_a", "order_b")
    )


# ---------------------------------------------------------------------------------------------
# Cascades


def cascades(posts, min_size, checkpoint_every):
    """Cascade size and depth per root post, as `reachgraph cascades` (root attribution) builds
    its trees: a post's root is the top of its chain of `root_post`/`parent_post` links (found
    by pointer jumping: log₂ of the chain length rounds of one join each; chains that reach a
    missing post or loop are skipped); reposts earlier than their root are skipped. In a cascade
    each account is one node, its first post in (time, file position) order, the root's author
    first; a node hangs under the author of its `parent_post` when that post is in the cascade and
    comes earlier, else under the root. Depth: the deepest node's distance from the root, again
    by pointer jumping over the node parents."""
    link = F.when(F.col("root_post").isNotNull() & (F.col("root_post") != F.col("post_id")), F.col("root_post")).otherwise(F.col("parent_post"))
    base = posts.select(F.col("_row").alias("row"), "post_id", "author", "time", "parent_post", link.alias("link")).cache()
    ids = base.select(F.col("post_id").alias("link"), F.lit(True).alias("known"))
    # up: the post a post points at (itself for a root); null when the chain leaves the data.
    pointers = (
        base.join(ids, "link", "left")
        .select("post_id", F.when(F.col("link").isNull(), F.col("post_id")).when(F.col("known"), F.col("link")).alias("up"))
        .cache()
    )
    rounds = max(1, math.ceil(math.log2(max(2, base.count()))) + 1)
    for round_ in range(1, rounds + 1):
        jumped = (
            pointers.alias("p").join(pointers.alias("q"), F.col("p.up") == F.col("q.post_id"), "left")
            .select(F.col("p.post_id").alias("post_id"), F.col("q.up").alias("up"))
        )
        jumped = materialize(jumped, round_, checkpoint_every)
        changed = jumped.alias("n").join(pointers.alias("o"), "post_id").where(~F.col("n.up").eqNullSafe(F.col("o.up"))).count()
        pointers = jumped
        if changed == 0:
            break
    # Resolved when the chain ends at a root (a post pointing at itself); loops never do.
    roots = base.where(F.col("link").isNull()).select(F.col("post_id").alias("root"), F.col("author").alias("root_account"), F.col("time").alias("root_time"))
    members = (
        base.join(pointers.withColumnRenamed("up", "root"), "post_id").join(roots, "root")
        .where((F.col("post_id") == F.col("root")) | (F.col("time") >= F.col("root_time")))
        .withColumn("is_root", F.col("post_id") == F.col("root"))
        .cache()
    )
    order = Window.partitionBy("root", "author").orderBy(F.desc("is_root"), "time", "row")
    nodes = members.withColumn("rank", F.row_number().over(order)).where(F.col("rank") == 1).drop("rank")
    parents = members.select(F.col("post_id").alias("parent_post"), F.col("root").alias("parent_root"), F.col("author").alias("parent_author"),
                             F.col("time").alias("parent_time"), F.col("row").alias("parent_row"), F.col("is_root").alias("parent_is_root"))
    # The parent post counts when it is in this cascade and earlier in the order (root first).
    earlier = (F.col("parent_is_root") | ((~F.col("is_root")) & ((F.col("parent_time") < F.col("time")) | ((F.col("parent_time") == F.col("time")) & (F.col("parent_row") < F.col("row"))))))
    tree = (
        nodes.join(parents, "parent_post", "left")
        .select("root", "author", "is_root", "root_account",
                F.when(F.col("is_root"), F.lit(None))
                .when((F.col("parent_root") == F.col("root")) & earlier, F.col("parent_author"))
                .otherwise(F.col("root_account")).alias("above"))
        .select("root", "author", "above", F.when(F.col("is_root"), 0).otherwise(1).alias("hops"))
        .cache()
    )
    sizes = tree.groupBy("root").agg(F.count("*").alias("size"))
    # Pointer jumping to the root: hops accumulate while `above` climbs.
    climb = tree
    step = 0
    while True:
        step += 1
        climbed = (
            climb.alias("c").join(climb.alias("u"), (F.col("c.root") == F.col("u.root")) & (F.col("c.above") == F.col("u.author")), "left")
            .select(F.col("c.root").alias("root"), F.col("c.author").alias("author"),
                    F.when(F.col("u.author").isNull(), F.col("c.above")).otherwise(F.col("u.above")).alias("above"),
                    (F.col("c.hops") + F.coalesce(F.col("u.hops"), F.lit(0))).alias("hops"))
        )
        climbed = materialize(climbed, step, checkpoint_every)
        moving = climbed.alias("n").join(climb.alias("o"), ["root", "author"]).where(~F.col("n.above").eqNullSafe(F.col("o.above"))).count()
        climb = climbed
        if moving == 0:
            break
    depths = climb.groupBy("root").agg(F.max("hops").alias("depth"))
    result = (
        sizes.join(depths, "root").join(roots.select("root", "root_account"), "root")
        .where(F.col("size") >= min_size)
        .select("root", "root_account", "size", "depth")
        .orderBy(F.desc("size"), "root")
    )
    return result, step


# ---------------------------------------------------------------------------------------------
# The program


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="ReachGraph's data-parallel analyses on Spark.")
    parser.add_argument("folders", nargs="+", metavar="EXPORT OUT",
                        help="a folder written by `reachgraph export INPUT --to spark` and the folder to write its tables into "
                             "(replaced when it holds a previous run); more pairs run in turn in the same session")
    parser.add_argument("--only", default=",".join(ANALYSES), help="comma-separated analyses: " + ", ".join(ANALYSES))
    parser.add_argument("--window", type=float, default=600.0, help="co-action window in seconds (reachgraph coordination --window)")
    parser.add_argument("--bins", action="store_true", help="CooRnet's fixed bins instead of |Δt| ≤ window")
    parser.add_argument("--min-size", type=int, default=2, help="list cascades with at least this many accounts (reachgraph cascades --min-size)")
    parser.add_argument("--damping", type=float, default=0.85, help="PageRank damping (NetworkX's alpha)")
    parser.add_argument("--max-iter", type=int, default=100, help="PageRank iterations before failing (NetworkX's max_iter)")
    parser.add_argument("--tol", type=float, default=1e-6, help="PageRank tolerance (NetworkX's tol: stop when the L1 change < n × tol)")
    parser.add_argument("--checkpoint-every", type=int, default=5, help="checkpoint iterative plans every this many rounds")
    parser.add_argument("--checkpoint-dir", help="where checkpoints go (default: a folder inside the output's staging folder)")
    parser.add_argument("--master", help="Spark master when run with python (spark-submit's --master wins); default local[2]")
    parser.add_argument("--shuffle-partitions", type=int, default=2, help="spark.sql.shuffle.partitions for a local run")
    arguments = parser.parse_args(argv)
    if len(arguments.folders) % 2:
        parser.error("give EXPORT OUT pairs")
    arguments.only = [name.strip() for name in arguments.only.split(",") if name.strip()]
    unknown = [name for name in arguments.only if name not in ANALYSES]
    if unknown:
        parser.error(f"unknown analyses: {', '.join(unknown)} (choose from {', '.join(ANALYSES)})")
    if arguments.window <= 0:
        parser.error("--window must be positive")
    if not 0 <= arguments.damping <= 1:
        parser.error("--damping must be between 0 and 1")
    if arguments.checkpoint_every < 1:
        parser.error("--checkpoint-every must be at least 1")
    return arguments


def session(arguments):
    """The Spark session: spark-submit's settings when launched by it (it hands the driver a
    gateway), else a local session (--master, default local[2]) with few shuffle partitions."""
    builder = SparkSession.builder.appName("reachgraph-spark").config("spark.ui.showConsoleProgress", "false")
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Small local runs are bound by per-job overhead: few partitions, no adaptive re-planning.
        builder = (
            builder.master(arguments.master or "local[2]")
            .config("spark.sql.shuffle.partitions", str(arguments.shuffle_partitions))
            .config("spark.sql.adaptive.enabled", "false")
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def is_local(path):
    return "://" not in path or path.startswith("file://")


def write_table(frame, folder):
    frame.write.mode("overwrite").option("header", True).option("escape", "\"").csv(folder)


def run(spark, arguments, export, out):
    local = is_local(out)
    if local:
        out = out[len("file://"):] if out.startswith("file://") else out
        if os.path.exists(out) and os.listdir(out) and not os.path.exists(os.path.join(out, "run.json")):
            raise InputError(f"{out} exists and is not an output of this program (no run.json): give a new folder")
        staging = os.path.join(os.path.dirname(os.path.abspath(out)), f".{os.path.basename(os.path.abspath(out))}.{os.getpid()}.tmp")
    else:
        staging = out
    checkpoints = os.path.join(arguments.checkpoint_dir or staging, "_checkpoints")
    spark.sparkContext.setCheckpointDir(checkpoints)
    tables, schema = read_export(spark, export)
    accounts = tables["accounts"]
    nodes = accounts.select("id").cache()
    node_count = nodes.count()
    report = {"export": os.path.abspath(export) if is_local(export) else export,
              "dataset": schema.get("dataset"), "accounts": node_count, "analyses": arguments.only}
    edges = edges_of(tables["relations"], schema.get("undirected_relations", ["collaboration"])).cache()
    report["edges"] = edges.count()

    seconds = report["seconds"] = {}
    clock = [time.monotonic()]

    def lap(name):
        now = time.monotonic()
        seconds[name] = round(now - clock[0], 3)
        clock[0] = now

    lap("read")
    scores = nodes
    wanted = set(arguments.only)
    if "degree" in wanted:
        scores = scores.join(degrees(nodes, edges), "id").localCheckpoint()
        lap("degree")
    if "components" in wanted:
        components, rounds = weak_components(spark, nodes, edges, arguments.checkpoint_every)
        components = components.cache()
        report["components"] = {"label_propagation_rounds": rounds}
        scores = scores.join(components, "id")
        component_table = components.groupBy("component").agg(F.count("*").alias("size")).orderBy(F.desc("size"), "component")
        write_table(component_table, os.path.join(staging, "components"))
        report["components"]["count"] = component_table.count()
        lap("components")
    if "pagerank" in wanted:
        ranks, steps = pagerank(nodes, edges, node_count, arguments.damping, arguments.max_iter, arguments.tol, arguments.checkpoint_every)
        report["pagerank"] = {"iterations": steps, "damping": arguments.damping, "tol": arguments.tol, "max_iter": arguments.max_iter}
        scores = scores.join(ranks, "id")
        lap("pagerank")
    if len(scores.columns) > 1:
        write_table(scores, os.path.join(staging, "scores"))
        lap("write scores")
    if "coordination" in wanted and "posts" in tables:
        edges_table = coordination_edges(tables["posts"], arguments.window, arguments.bins).cache()
        write_table(edges_table, os.path.join(staging, "coordination_edges"))
        report["coordination"] = {"window": arguments.window, "bins": arguments.bins, "edges": edges_table.count()}
        lap("coordination")
    if "cascades" in wanted and "posts" in tables:
        cascade_table, rounds = cascades(tables["posts"], arguments.min_size, arguments.checkpoint_every)
        cascade_table = cascade_table.cache()
        write_table(cascade_table, os.path.join(staging, "cascades"))
        report["cascades"] = {"listed": cascade_table.count(), "min_size": arguments.min_size, "depth_rounds": rounds}
        lap("cascades")
    text = json.dumps(report, indent=2, sort_keys=True) + "\n"
    spark.catalog.clearCache()
    if not local:
        spark.sparkContext.parallelize([text], 1).saveAsTextFile(os.path.join(out, "run.json"))
    if local:
        import shutil
        shutil.rmtree(checkpoints, ignore_errors=True)
        with open(os.path.join(staging, "run.json"), "w", encoding="utf-8") as handle:
            handle.write(text)
        if os.path.exists(out):
            old = staging[: -len(".tmp")] + ".old"
            os.rename(out, old)
            os.rename(staging, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(staging, out)
    return report


def main(argv=None):
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    spark = session(arguments)
    try:
        for export, out in zip(arguments.folders[0::2], arguments.folders[1::2]):
            print(json.dumps(run(spark, arguments, export, out), sort_keys=True))
    except (InputError, NoConvergence) as error:
        print(f"reachgraph-spark: {error}", file=sys.stderr)
        return 1
    except (PySparkException, Py4JJavaError) as error:
        # Spark's own message (a malformed row under FAILFAST, a missing file) on one line.
        text = str(getattr(error, "java_exception", None) or error).strip().splitlines()
        print(f"reachgraph-spark: {text[0] if text else type(error).__name__}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
