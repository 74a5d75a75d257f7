import ReachGraph
import ReachGraphCore

extension SyntheticDatasetGenerator.Province {
    private typealias City = SyntheticDatasetGenerator.City

    /// The default provinces: two large structures as public reporting describes them and two
    /// smaller ones.
    public static let defaults: [Self] = [hunan, zhejiang, fujian, hainan]

    /// Hunan's "1+14+N": a provincial centre, its 14 prefecture-level cities, and provincial media
    /// units. Public reporting says "10-plus" of the 14 city centres were set up: two are absent
    /// and two more inactive, so twelve exist and ten take part.
    public static let hunan = Self(
        code: "hn", name: "Hunan", chineseName: "湖南",
        cities: [
            City("Changsha", "长沙"), City("Zhuzhou", "株洲"), City("Xiangtan", "湘潭"), City("Hengyang", "衡阳"),
            City("Shaoyang", "邵阳"), City("Yueyang", "岳阳"), City("Changde", "常德"), City("Zhangjiajie", "张家界"),
            City("Yiyang", "益阳"), City("Chenzhou", "郴州"), City("Yongzhou", "永州"), City("Huaihua", "怀化"),
            City("Loudi", "娄底"), City("Xiangxi", "湘西"),
        ],
        countiesPerCity: 3, mediaUnits: 6, absentCentres: 2, inactiveCentres: 2
    )

    /// Zhejiang: a provincial centre linking 11 city centres that radiate to county bodies.
    /// The hub has the 8 million followers its matrix had at launch, and Wenzhou's centre the
    /// 10 million its reporting gives.
    public static let zhejiang = Self(
        code: "zj", name: "Zhejiang", chineseName: "浙江",
        cities: [
            City("Hangzhou", "杭州"), City("Ningbo", "宁波"), City("Wenzhou", "温州", followers: 10_000_000), City("Jiaxing", "嘉兴"),
            City("Huzhou", "湖州"), City("Shaoxing", "绍兴"), City("Jinhua", "金华"), City("Quzhou", "衢州"),
            City("Zhoushan", "舟山"), City("Taizhou", "台州"), City("Lishui", "丽水"),
        ],
        countiesPerCity: 4, mediaUnits: 3, hubFollowers: 8_000_000
    )

    /// A smaller structure: nine cities, two county units each.
    public static let fujian = Self(
        code: "fj", name: "Fujian", chineseName: "福建",
        cities: [
            City("Fuzhou", "福州"), City("Xiamen", "厦门"), City("Putian", "莆田"), City("Sanming", "三明"),
            City("Quanzhou", "泉州"), City("Zhangzhou", "漳州"), City("Nanping", "南平"), City("Longyan", "龙岩"),
            City("Ningde", "宁德"),
        ],
        countiesPerCity: 2, mediaUnits: 2
    )

    /// The smallest structure: four cities, one county unit each.
    public static let hainan = Self(
        code: "hi", name: "Hainan", chineseName: "海南",
        cities: [City("Haikou", "海口"), City("Sanya", "三亚"), City("Danzhou", "儋州"), City("Sansha", "三沙")],
        countiesPerCity: 1, mediaUnits: 1
    )
}
