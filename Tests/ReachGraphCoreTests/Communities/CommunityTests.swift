import ReachGraphCore
import XCTest

final class CommunityTests: XCTestCase {
    struct CommunityCase: Decodable {
        struct Partition: Decodable {
            let name: String
            let resolution: Double
            let labels: [Int32]
            let modularity: Double
        }

        struct Spread: Decodable {
            let best: Double
            let mean: Double
            let worst: Double
        }

        let name: String
        let nodes: Int
        let edges: [[Double]]
        let partitions: [Partition]
        let louvain_modularity: Spread

        /// Every undirected edge both ways, a self-loop once.
        var graph: DirectedGraph {
            var edges: [(Int32, Int32, Double)] = []
            for edge in self.edges {
                let u = Int32(edge[0]), v = Int32(edge[1])
                edges.append((u, v, edge[2]))
                if u != v { edges.append((v, u, edge[2])) }
            }
            return DirectedGraph(nodeCount: nodes, weightedEdges: edges)
        }
    }

    func testModularityMatchesNetworkX() throws {
        let cases = try loadFixture("communities.json", as: [CommunityCase].self)
        XCTAssertGreaterThanOrEqual(cases.count, 5)
        for item in cases {
            let graph = item.graph
            for partition in item.partitions {
                let value = graph.modularity(of: partition.labels, resolution: partition.resolution)
                XCTAssertEqual(value, partition.modularity, accuracy: 1e-9, "\(item.name) \(partition.name) γ=\(partition.resolution)")
            }
        }
    }

    func testLouvainReachesNetworkXModularity() throws {
        for item in try loadFixture("communities.json", as: [CommunityCase].self) {
            let graph = item.graph
            var values: [Double] = []
            for seed: UInt64 in 0 ..< 10 {
                let result = graph.louvainCommunities(seed: seed)
                XCTAssertEqual(result.modularity, graph.modularity(of: result.partition.labels), accuracy: 1e-12)
                values.append(result.modularity)
            }
            let mean = values.reduce(0, +) / Double(values.count)
            let spread = item.louvain_modularity
            XCTAssertGreaterThanOrEqual(values.max() ?? 0, spread.best - 0.005, "\(item.name): best \(values.max() ?? 0) vs NetworkX \(spread.best)")
            XCTAssertGreaterThanOrEqual(mean, spread.mean - 0.01, "\(item.name): mean \(mean) vs NetworkX \(spread.mean)")
            XCTAssertGreaterThanOrEqual(values.min() ?? 0, spread.worst - 0.02, "\(item.name): worst \(values.min() ?? 0) vs NetworkX \(spread.worst)")
        }
    }

    func testLouvainIsSeededAndSplitsTwoCliques() throws {
        let cases = try loadFixture("communities.json", as: [CommunityCase].self)
        let cliques = try XCTUnwrap(cases.first { $0.name == "two_cliques" }).graph
        let result = cliques.louvainCommunities(seed: 42)
        XCTAssertEqual(result.partition.labels, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        XCTAssertEqual(cliques.louvainCommunities(seed: 42), result)
        let karate = try XCTUnwrap(cases.first { $0.name == "karate" }).graph
        XCTAssertEqual(karate.louvainCommunities(seed: 9), karate.louvainCommunities(seed: 9))
    }

    func testEdgelessGraphKeepsSingletons() {
        let graph = DirectedGraph(nodeCount: 3, edges: [])
        let result = graph.louvainCommunities()
        XCTAssertEqual(result.partition.labels, [0, 1, 2], "each node its own community")
        XCTAssertEqual(result.modularity, 0)
        XCTAssertEqual(result.levels, 0)
        XCTAssertEqual(DirectedGraph(nodeCount: 0, edges: []).louvainCommunities().partition.labels, [])
    }

    func testHigherResolutionGivesMoreCommunities() throws {
        let cases = try loadFixture("communities.json", as: [CommunityCase].self)
        let graph = try XCTUnwrap(cases.first { $0.name == "les_miserables" }).graph
        let coarse = graph.louvainCommunities(resolution: 0.5, seed: 1).partition.count
        let fine = graph.louvainCommunities(resolution: 2, seed: 1).partition.count
        XCTAssertLessThan(coarse, fine)
    }
}
