import ReachGraph
import ReachGraphCore

extension SyntheticDatasetGenerator.Province {
    private typealias City = SyntheticDatasetGenerator.City

    /// The default provinces: two large structures as public reporting describes them and two
    /// smaller ones.
    public static let defaults: [Self] = [hunan, zhejiang, fujian, hainan]

    /// Hunan's "1+14+N": a provincial centre, its 14 prefecture-level cities, and provincial media
    /// units.
    public static let hunan = Self(
        code: "hn", name: "Hunan", chineseName: "湖南",
        cities: [
            City("Changsha", "长沙"), City("Zhuzhou", "株洲"), City("Xiangtan", "湘潭"), City("Hengyang", "衡阳"),
            City("Shaoyang", "邵阳"), City("Yueyang", "岳阳"), City("Changde", "常德"), City("Zhangjiajie", "张家界"),
            City("Yiyang", "益阳"), City("Chenzhou", "郴州"), City("Yongzhou", "永州"), City("Huaihua", "怀化"),
            City("Loudi", "娄底"), City("Xiangxi", "湘西"),
        ],
        countiesPerCity: 3, mediaUnits: 6
    )

    /// Zhejiang: a provincial centre linking 11 city centres that radiate to county bodies.
    public static let zhejiang = Self(
        code: "zj", name: "Zhejiang", chineseName: "浙江",
        cities: [
            City("Hangzhou", "杭州"), City("Ningbo", "宁波"), City("Wenzhou", "温州"), City("Jiaxing", "嘉兴"),
            City("Huzhou", "湖州"), City("Shaoxing", "绍兴"), City("Jinhua", "金华"), City("Quzhou", "衢州"),
            City("Zhoushan", "舟山"), City("Taizhou", "台州"), City("Lishui", "丽水"),
        ],
        countiesPerCity: 4, mediaUnits: 3
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
