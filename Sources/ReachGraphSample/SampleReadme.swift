import ReachGraph
import ReachGraphCore

extension SyntheticDatasetGenerator {
    /// The `README.md` of a generated dataset: that it is synthetic, the configuration and seed,
    /// how it was generated, and — when `dataset` is given — what it contains.
    public static func readme(for configuration: Configuration, summarizing dataset: Dataset? = nil) -> String {
        let generator = SyntheticDatasetGenerator(configuration: configuration)
        let months = configuration.effectiveMonths
        let last = configuration.start.adding(months - 1)
        var text = """
        # \(generator.datasetName)

        **This dataset is synthetic.** Every account's activity, every post, repost, relation and
        metric in it was produced by a seeded random generator (ReachGraph's
        `SyntheticDatasetGenerator`, `reachgraph generate`). No edge or number is a real
        observation. Names of real provinces, cities, communication centres and embassies are used
        only so that the declared structure is recognisable; what those accounts do here is made up.
        Its *shape* follows public reporting on provincial "1+N" international-communication
        systems.

        ## Configuration

        | setting | value |
        |---|---|
        | seed | \(configuration.seed) |
        | scale | \(formatNumber(configuration.effectiveScale)) |
        | window | \(configuration.start) to \(last) (\(months) month\(months == 1 ? "" : "s"), UTC) |
        | think tanks | \(configuration.thinkTanks) |
        | national media outlets | \(configuration.nationalMediaOutlets) |
        | embassies | \(configuration.embassies) |
        | overseas influencers | \(configuration.scaledInfluencers) |
        | community accounts | \(configuration.scaledCommunities) |
        | non-compliant spoke share | \(formatNumber(configuration.nonCompliantSpokeFraction)) |
        | share of cities with city accounts | \(formatNumber(configuration.cityAccountShare)) |

        | province | id prefix | cities | county units per city | provincial media units |
        |---|---|---|---|---|

        """
        for province in configuration.provinces {
            text += "| \(province.name) (\(province.chineseName)) | `\(province.code)` | \(province.cities.count) | \(province.countiesPerCity) | \(province.mediaUnits) |\n"
        }
        text += """

        ## How it was generated

        - **Roster** (`accounts.csv`). Each province has a provincial centre (`<code>-centre`, kind
          `media_centre`, tier `provincial`), a municipal centre per city (`<code>-<city>`, tier
          `municipal`, parent the provincial centre), county units under each city centre
          (`<code>-<city>-county-<n>`, tier `county`), and provincial media units
          (`<code>-media-<n>`, kind `media_outlet`, parent the provincial centre). Some cities run
          official city accounts, one per platform on some of facebook, x, instagram, youtube and
          tiktok (`<code>-<city>-<platform>`, parent the city centre). National think tanks and
          media, embassies, overseas influencers and community accounts complete the roster.
          Followers are log-normal per kind: heavy-tailed for influencers, small for communities.
        - **Posts** (`posts.csv`). Accounts post originals at a rate per kind (centres, city
          accounts, think tanks and media most). Reposts follow *local creation → influencer
          repost → community spread*: municipal centres repost their provincial centre's posts
          minutes to hours later; county units repost mostly through their declared city centre,
          sometimes straight from the provincial centre; provincial media units and city accounts
          relay too; influencers on the same platform pick up content from centres, city accounts,
          think tanks, media and embassies; communities that follow an influencer repost its posts
          and spread them among themselves. Each repost names its `parent_post` and `root_post` and
          comes after its parent; reposts that would come after the window are not recorded, as
          in any collection that stops on a given day. Now and then a provincial centre runs a
          campaign: it and several spokes post the same text, which shows as a shared
          `content_hash` (coordinated posting). Likes, comments, shares and views are
          heavy-tailed and grow with the author's followers; `shares` is at least the number of
          reposts in the file. Urls point at example.org.
        - **Non-compliant spokes.** A share of \(formatNumber(configuration.nonCompliantSpokeFraction)) of each province's municipal centres
          (at least one) rarely or never repost their provincial centre. They are not marked
          anywhere in the data: finding them is what a 1+N structure analysis is for.
        - **Relations** (`relations.csv`). Repost ties aggregated from `posts.csv` (weight = number
          of reposts, first and last seen), then collaborations between think tanks, media and
          provincial centres (undirected, stored once, weight = joint events) and mention ties.
          A mention row runs from the mentioned account to the one mentioning it, the direction
          information flows, like a repost.
        - **Metrics** (`metrics.csv`). For every media centre and city account × platform × month:
          posts and engagement summed from `posts.csv`; followers, follower gain and the
          qualitative expert score (0–100) are plausible synthetic values.


        """
        if let dataset {
            text += """
            ## Contents

            | file | rows |
            |---|---|
            | accounts.csv | \(dataset.accounts.count) |
            | posts.csv | \(dataset.posts.count) (\(dataset.posts.filter(\.isRepost).count) reposts) |
            | relations.csv | \(dataset.relations.count) |
            | metrics.csv | \(dataset.metrics.count) |

            """
        }
        return text
    }
}
