import ReachGraph
import ReachGraphCore

extension SyntheticDatasetGenerator {
    /// The `README.md` of a generated dataset: that it is synthetic, the configuration and seed,
    /// how it was generated, the published numbers that shape it (with their sources), and — when
    /// `dataset` is given — what it contains.
    public static func readme(for configuration: Configuration, summarizing dataset: Dataset? = nil) -> String {
        let generator = SyntheticDatasetGenerator(configuration: configuration)
        let months = configuration.effectiveMonths
        let last = configuration.start.adding(months - 1)
        var text = """
        # Synthetic data: \(generator.datasetName)

        **This dataset is synthetic.** Every account's activity, every post, repost, relation and
        metric in it was produced by a seeded random generator (ReachGraph's
        `SyntheticDatasetGenerator`, `reachgraph generate`). No edge or number is a real
        observation. Account names are plainly fictional ("长沙样例市级中心", "Sample think tank 3",
        "Sample influencer 0042"); only the names of real provinces and cities are kept, so that
        the declared structure is recognisable. Its *shape* — follower magnitudes, platform
        coverage, interaction mix, incomplete rosters — follows published numbers on provincial
        "1+N" international-communication systems, listed with their sources below.

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

        | province | id prefix | declared cities | centres absent | centres inactive | county units per city | provincial media units |
        |---|---|---|---|---|---|---|

        """
        for province in configuration.provinces {
            text += "| \(province.name) (\(province.chineseName)) | `\(province.code)` | \(province.cities.count) | "
                + "\(min(province.absentCentres, province.cities.count)) | \(province.inactiveCentres) | \(province.countiesPerCity) | \(province.mediaUnits) |\n"
        }
        text += """

        ## How it was generated

        - **Roster** (`accounts.csv`). Each province has a provincial centre (`<code>-centre`, kind
          `media_centre`, tier `provincial`), a municipal centre per declared city that set one up
          (`<code>-<city>`, tier `municipal`, parent the provincial centre), county units under
          each city centre (`<code>-<city>-county-<n>`, tier `county`), and provincial media units
          (`<code>-media-<n>`, kind `media_outlet`, parent the provincial centre). Some cities run
          official city accounts, one per platform (`<code>-<city>-<platform>`, parent the city
          centre). National think tanks and media, embassies, overseas influencers and community
          accounts complete the roster. Followers are log-normal per kind and tier, clamped to a
          range (see the table below); the `followers` column is the total over the account's
          platforms, and `platform` is filled when the account runs exactly one.
        - **Platforms.** Each account runs a set of platforms and posts and reposts only there:
          provincial centres the four platforms of the city index and half of them TikTok;
          municipal centres Facebook (95%), X (60%), Instagram (55%), YouTube (60%), TikTok (12%);
          county units one platform (45%), two (35%) or three (20%), drawn Facebook first;
          think tanks X only; embassies X and half of them Facebook; national media all five;
          city accounts, influencers and communities one each. Overseas accounts, and an official
          account's followers across its platforms, follow the platforms' monthly users (below),
          with TikTok held at a 10% share. `metrics.csv` has rows only for the platforms an
          account runs.
        - **Incomplete rosters.** A province can declare cities whose centre was never set up (absent:
          nothing of that city is in the data) and centres that exist but are inactive (Facebook
          only, a tenth of the drawn followers, no posts or reposts).
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
          campaign: it and several spokes on the same platform post the same text, which shows as
          a shared `content_hash` (coordinated posting). Views grow with the author's followers on
          the post's platform, likes with views; comments and extra shares follow likes (think
          tanks: likes > shares > comments; other kinds: likes > comments > extra shares). `shares`
          is at least the number of reposts in the file. Urls point at example.org.
        - **Non-compliant spokes.** A share of \(formatNumber(configuration.nonCompliantSpokeFraction)) of each province's active municipal
          centres (at least one) rarely or never repost their provincial centre. They are not
          marked anywhere in the data: finding them is what a 1+N structure analysis is for.
        - **Relations** (`relations.csv`). Repost ties aggregated from `posts.csv` (weight = number
          of reposts, first and last seen), then collaborations between think tanks, media and
          provincial centres (undirected, stored once, weight = joint events) and mention ties.
          A mention row runs from the mentioned account to the one mentioning it, the direction
          information flows, like a repost.
        - **Metrics** (`metrics.csv`). For every media centre and city account × platform it runs ×
          month: posts and engagement summed from `posts.csv`; followers, follower gain and the
          qualitative expert score (0–100) are plausible synthetic values.


        """
        text += shapingNumbers
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

    /// The published numbers behind the defaults, each with where it was found. Numbers that
    /// the generator's tests check are marked so; the rest are stated assumptions.
    private static let shapingNumbers = """
    ## Shaping numbers and their sources

    The defaults turn these published figures into distributions. A figure marked *not located*
    comes from the domain review behind ReachGraph issue #16; its original publication was not
    found when this list was compiled, and the nearest figures that were found are given beside it.

    | account kind (tier) | median followers | σ of log | clamped to | shaped by |
    |---|---|---|---|---|
    | provincial centre | 3,000,000 | 0.7 | 1M – 25M | [1] [2] [3]: provincial matrices in the millions to 20M+; Zhejiang's hub set to its 8M |
    | municipal centre | 29,000 | 1.1 | 500 – 2M | municipal median 29k (*not located*); Wenzhou's centre set to 10M (*not located*; [4]) |
    | county unit | 4,000 | 1.1 | 100 – 200k | Longgang, a county-level city, 200k over Facebook, Instagram, TikTok and YouTube together (*not located*); the median is an assumption |
    | city account (one platform) | 15,000 | 1.2 | 200 – 1M | assumption; [6] found 5 of 20 capital-city Facebook pages under 10k in 2018 |
    | think tank (X only) | 3,500 | 0.8 | 200 – 10k | Chinese think tanks at most ~10k followers on X, US think tanks ~10k to 600k+ (*not located*; [8]) |
    | national media outlet | 20,000,000 | 0.8 | 1M – 150M | [7]: the five largest Chinese state outlets on Facebook, 76M–121M |
    | provincial media unit | 60,000 | 1.0 | 2k – 2M | assumption |
    | embassy | 40,000 | 0.8 | 2k – 1M | assumption |
    | overseas influencer | 30,000 | 1.6 | 500 – 50M | assumption (heavy tail) |
    | community account | 250 | 1.2 | 10 – 20k | assumption |

    - **Platform user scale** (monthly users, hundreds of millions): Facebook 30.49, YouTube
      24.91, Instagram 20.00, X 6.19 (*not located*; [9] gives Facebook ~29–30, YouTube ~27,
      Instagram ~20). These set the platform shares of overseas accounts and of an official
      account's followers; TikTok has no figure and is held at 10%.
    - **TikTok sparse, county units on one to three platforms.** The monthly city index of
      Reference News' think tank and Shiyan Index covers 138 cities on five platforms and leaves
      TikTok out of its composite because few city accounts exist there [5]. County units
      "typically run one to three platforms" (issue #16's review; *not located*).
    - **Think-tank interaction.** Likes > reposts > comments, per-post rates close to peers,
      low absolute counts (*not located*; [8]). The generator draws think-tank comments at 0.05
      and extra shares at 0.2 per like, and their low followers keep counts low.
    - **Hunan's roster.** Hunan's centre links the resources of its 14 prefecture-level cities
      ("1+14+N") [10]; public reporting that only "10-plus" city centres were set up was *not
      located*. The default Hunan has 2 of 14 centres absent and 2 inactive.
    - **Provincial magnitudes** [1] [2] [3]: Chongqing's (now Western China) centre reported
      15.03M overseas users, 2.77B exposures and 373M interactions in May 2023 [1], 19.2M users
      in November 2024 with a 2025 target of 23M [2], and a matrix of over 23M users in December
      2025 [3]; its iChongqing Facebook page had 9.1M followers in 2025, and local centres'
      100-plus accounts had about 37.4M subscriptions in all as of March 2025 [11]. The figures
      quoted in issue #16 (21.2M users, 4.34B exposures, 50+ countries) fall between [2] and [3]
      but were *not located* as such. Zhejiang's provincial matrix had over 8M followers at its
      launch on 31 May 2024 [12].

    1. Yunnan Daily, 2023-05-31, article by the Chongqing International Communication Centre:
       https://yndaily.yunnan.cn/content/202305/31/content_141554.html
    2. Chongqing Daily, 2024-11-26, press conference on the Western China centre:
       https://cqrb.cn/shizhengdongtai/2024-11-26/2095681_pc.html
    3. Western China International Communication Centre release, 2025-12-23 (reprint):
       https://www.newoo.com/home/content/show/aid/10903.shtml
    4. Wenzhou International Communication Center launched (12 county-level media centres in its
       alliance), ezhejiang.gov.cn via China Daily, 2024-05-29:
       https://subsites.chinadaily.com.cn/ezhejiang/2024-05/29/c_991530.htm
    5. 参考智库 and 世研指数, 中国城市海外社交媒体传播力指数, May 2025 and October 2025 editions
       (reprints): http://www.nwtoolworks.com/kyguanwangmanbetx/29/18341.html and
       https://www.cn-nqp.cn/?p=15358
    6. Zhejiang University, 中国城市国际传播影响力指数报告, 2018 (reprint):
       http://m.jizihe.com/page/2019/0215/11166303.shtml
    7. Facebook followers of CGTN, China Daily, Xinhua, People's Daily and Global Times, 2024-02-03:
       https://weehingthong.org/2024/02/03/facebook-and-the-ccp
    8. Studies comparing Chinese and US think tanks on Twitter/X, not confirmed to contain the
       figures above: 徐永乐, 陈媛媛, 基于Altmetrics的中美智库对比研究, 情报杂志 2021(12),
       https://m.fx361.cc/news/2022/0121/14041890.html; 张亚明 et al., 基于87家智库Twitter账户的社交网络分析,
       智库理论与实践 2024(2), https://m.fx361.cc/news/2024/0524/23923882.html
    9. Platform user figures, 2025-06-17: https://www.brandark.com/t/GuoGueAV
    10. Hunan International Communication Centre launched, Hunan Daily, 2023-07-21:
        https://hnrbjt.voc.com.cn/mobile/article/202307/202307211036343064.html
    11. 吴晓波频道, 会整活的中国地方文旅,在海外火了, 2025-11-22 (summary):
        https://reportify.ai/social-media/743947622695800
    12. China News Service, Hangzhou, 2024-05-31 (浙江省国际传播中心挂牌成立; read in a reprint).

    """
}
