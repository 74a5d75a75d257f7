"""Writes spectral.json: degree, PageRank, HITS, eigenvector, Katz, core numbers, collective
influence and VoteRank by NetworkX on the fixture graphs.

Run from this folder: python3 make_spectral.py (NetworkX 3.x with NumPy and SciPy).

Options are written with the Swift names of the ReachGraph option structs (damping, start,
weighted, ...) so the tests can replay every case; a case NetworkX cannot finish records
"error": "failedToConverge". Collective influence and the in- and out-cores have no NetworkX
function; they are computed here from their definitions, by brute force.
"""
import json

import networkx as nx
import numpy as np
from networkx.algorithms.link_analysis.hits_alg import _hits_python

from graphs import GRAPHS

# Shapes the shared graphs lack: a directed cycle (periodic), a star whose leaves tie in every
# measure, and a graph without edges.
EXTRA = {
    "cycle_5": (5, [(i, (i + 1) % 5, 1.0) for i in range(5)]),
    "star_out": (6, [(0, i, 1.0) for i in range(1, 6)] + [(1, 2, 1.0)]),
    "edgeless_3": (3, []),
}
ALL = {**GRAPHS, **EXTRA}


def build(n, edges, weighted=True):
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from((u, v, w if weighted else 1.0) for (u, v, w) in edges)
    return graph


def vector(values, n):
    return [float(values[i]) for i in range(n)]


def dense_vector(mapping, n):
    return [float(mapping.get(i, 0.0)) for i in range(n)]


def attempt(run, n):
    try:
        return {"result": vector(run(), n)}
    except nx.PowerIterationFailedConvergence:
        return {"error": "failedToConverge"}


def pagerank_cases(graph, n, edges):
    cases = []

    def add(label, options, **kwargs):
        cases.append({"label": label, "options": options, **attempt(lambda: nx.pagerank(graph, **kwargs), n)})

    add("default", {})
    add("unweighted", {"weighted": False}, weight=None)
    add("damping 0.5", {"damping": 0.5}, alpha=0.5)
    personal = {0: 1.0, n - 1: 3.0}
    add("personalised", {"personalization": dense_vector(personal, n)}, personalization=personal)
    dangling = {n // 2: 2.0, 0: 1.0}
    add("dangling vector", {"dangling": dense_vector(dangling, n), "personalization": dense_vector(personal, n)},
        dangling=dangling, personalization=personal)
    start = {i: float(i + 1) for i in range(n)}
    add("start vector", {"start": dense_vector(start, n), "tolerance": 1e-10, "maxIterations": 500},
        nstart=start, tol=1e-10, max_iter=500)
    add("one iteration", {"maxIterations": 1}, max_iter=1)
    return cases


def simple_leading_singular_value(graph, n):
    if graph.number_of_edges() == 0:
        return False
    values = np.linalg.svd(nx.to_numpy_array(graph, nodelist=range(n)), compute_uv=False)
    return bool(len(values) < 2 or values[0] > values[1] * (1 + 1e-6))


def hits_cases(n, edges):
    """NetworkX's reference power iteration, and its public ARPACK-based `hits` where the leading
    singular value is simple (elsewhere ARPACK's answer depends on its random start).

    The power iteration needs more than the default 100 steps when the top two singular values
    are close, so every graph also gets a 1000-step case.
    """
    cases = []

    def add(label, graph, options, arpack, **kwargs):
        case = {"label": label, "options": options}
        try:
            hubs, authorities = _hits_python(graph, **kwargs)
            case["hubs"], case["authorities"] = vector(hubs, n), vector(authorities, n)
        except nx.PowerIterationFailedConvergence:
            case["error"] = "failedToConverge"
        if arpack and simple_leading_singular_value(graph, n):
            hubs, authorities = nx.hits(graph)
            case["arpackHubs"], case["arpackAuthorities"] = vector(hubs, n), vector(authorities, n)
        cases.append(case)

    for weighted in (True, False):
        graph = build(n, edges, weighted)
        add(f"weighted={weighted}", graph, {"weighted": weighted}, True)
        add(f"weighted={weighted}, 1000 iterations", graph, {"weighted": weighted, "maxIterations": 1000}, True,
            max_iter=1000)
    graph = build(n, edges)
    add("not normalised, 1000 iterations", graph, {"normalized": False, "maxIterations": 1000}, False,
        normalized=False, max_iter=1000)
    start = {i: float(n - i) for i in range(n)}
    add("start vector, 1000 iterations", graph, {"start": dense_vector(start, n), "maxIterations": 1000}, False,
        nstart=dict(start), max_iter=1000)
    return cases


def eigenvector_cases(graph, n):
    start = {i: float(i % 3 + 1) for i in range(n)}
    return [
        {"label": "default", "options": {}, **attempt(lambda: nx.eigenvector_centrality(graph), n)},
        {"label": "weighted", "options": {"weighted": True},
         **attempt(lambda: nx.eigenvector_centrality(graph, weight="weight"), n)},
        {"label": "start vector", "options": {"start": dense_vector(start, n), "maxIterations": 1000},
         **attempt(lambda: nx.eigenvector_centrality(graph, nstart=start, max_iter=1000), n)},
    ]


def katz_cases(graph, n):
    matrix = nx.to_numpy_array(graph, nodelist=range(n))
    largest = max(abs(np.linalg.eigvals(matrix))) if n else 0.0
    small_alpha = 0.5 / largest if largest > 1e-9 else 0.1
    beta = {i: 1.0 + 0.25 * i for i in range(n)}
    return [
        {"label": "default", "options": {}, **attempt(lambda: nx.katz_centrality(graph), n)},
        {"label": "weighted, half of 1/lambda_max", "options": {"weighted": True, "attenuation": small_alpha},
         **attempt(lambda: nx.katz_centrality(graph, alpha=small_alpha, weight="weight"), n)},
        {"label": "per-node baseline, not normalised",
         "options": {"baselineVector": dense_vector(beta, n), "normalized": False, "attenuation": 0.05},
         **attempt(lambda: nx.katz_centrality(graph, alpha=0.05, beta=beta, normalized=False), n)},
        {"label": "scalar baseline 2, tight tolerance", "options": {"baseline": 2.0, "tolerance": 1e-12},
         **attempt(lambda: nx.katz_centrality(graph, beta=2.0, tol=1e-12), n)},
    ]


def peeled_cores(graph, degree):
    """Core numbers by brute force: v has core k when it survives peeling below k but not k + 1."""
    core = dict.fromkeys(graph, 0)
    k = 1
    while True:
        members = graph.copy()
        while True:
            low = [v for v in members if degree(members, v) < k]
            if not low:
                break
            members.remove_nodes_from(low)
        if members.number_of_nodes() == 0:
            return core
        for v in members:
            core[v] = k
        k += 1


def core_cases(graph, n):
    plain = graph.copy()
    plain.remove_edges_from(list(nx.selfloop_edges(plain)))
    total = nx.core_number(plain)
    assert total == peeled_cores(plain, lambda g, v: g.degree(v))
    return {
        "selfLoopsRemoved": nx.number_of_selfloops(graph) > 0,
        "total": [total[i] for i in range(n)],
        "in": [peeled_cores(plain, lambda g, v: g.in_degree(v))[i] for i in range(n)],
        "out": [peeled_cores(plain, lambda g, v: g.out_degree(v))[i] for i in range(n)],
    }


def collective_influence(undirected, radius):
    scores = {}
    for i in undirected:
        distances = nx.single_source_shortest_path_length(undirected, i, cutoff=radius)
        boundary = sum(undirected.degree(j) - 1 for j, d in distances.items() if d == radius)
        scores[i] = (undirected.degree(i) - 1) * boundary
    return scores


def collective_influence_order(undirected, radius):
    remaining = undirected.copy()
    order = []
    while remaining.number_of_nodes():
        scores = collective_influence(remaining, radius)
        best = max(sorted(remaining), key=lambda v: scores[v])
        if scores[best] <= 0:
            break
        order.append(best)
        remaining.remove_node(best)
    return order


def ci_cases(graph, n):
    undirected = nx.Graph(graph.to_undirected())
    undirected.remove_edges_from(list(nx.selfloop_edges(undirected)))
    cases = []
    for radius in (1, 2, 3):
        scores = collective_influence(undirected, radius)
        cases.append({"radius": radius, "scores": [float(scores[i]) for i in range(n)],
                      "order": collective_influence_order(undirected, radius)})
    return cases


records = []
for name, (n, edges) in ALL.items():
    graph = build(n, edges)
    records.append({
        "name": name,
        "graph": {"nodes": n, "edges": [[u, v, w] for (u, v, w) in edges]},
        "degree": {
            "total": [d for _, d in sorted(graph.degree())],
            "in": [d for _, d in sorted(graph.in_degree())],
            "out": [d for _, d in sorted(graph.out_degree())],
            "totalStrength": [float(d) for _, d in sorted(graph.degree(weight="weight"))],
            "inStrength": [float(d) for _, d in sorted(graph.in_degree(weight="weight"))],
            "outStrength": [float(d) for _, d in sorted(graph.out_degree(weight="weight"))],
            "centrality": vector(nx.degree_centrality(graph), n),
            "inCentrality": vector(nx.in_degree_centrality(graph), n),
            "outCentrality": vector(nx.out_degree_centrality(graph), n),
        },
        "pagerank": pagerank_cases(graph, n, edges),
        "hits": hits_cases(n, edges) if edges else [],
        "eigenvector": eigenvector_cases(graph, n),
        "katz": katz_cases(graph, n),
        "core": core_cases(graph, n),
        "collectiveInfluence": ci_cases(graph, n),
        "voterank": [{"count": None, "order": nx.voterank(graph)},
                     {"count": 3, "order": nx.voterank(graph, number_of_nodes=3)}],
        "networkx": nx.__version__,
    })
with open("spectral.json", "w") as out:
    json.dump(records, out)
