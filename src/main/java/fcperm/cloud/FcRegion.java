package fcperm.cloud;

import java.util.List;

/** A region where Function Compute 2.0 runs, with the names the consoles show. */
public record FcRegion(String id, String englishName, String chineseName) {

    /** The FC regions of the public cloud, in the order the FC console lists them. */
    public static final List<FcRegion> ALL = List.of(
            new FcRegion("cn-hangzhou", "China (Hangzhou)", "华东1（杭州）"),
            new FcRegion("cn-shanghai", "China (Shanghai)", "华东2（上海）"),
            new FcRegion("cn-qingdao", "China (Qingdao)", "华北1（青岛）"),
            new FcRegion("cn-beijing", "China (Beijing)", "华北2（北京）"),
            new FcRegion("cn-zhangjiakou", "China (Zhangjiakou)", "华北3（张家口）"),
            new FcRegion("cn-huhehaote", "China (Hohhot)", "华北5（呼和浩特）"),
            new FcRegion("cn-shenzhen", "China (Shenzhen)", "华南1（深圳）"),
            new FcRegion("cn-chengdu", "China (Chengdu)", "西南1（成都）"),
            new FcRegion("cn-hongkong", "China (Hong Kong)", "中国香港"),
            new FcRegion("ap-southeast-1", "Singapore", "新加坡"),
            new FcRegion("ap-southeast-2", "Australia (Sydney)", "澳大利亚（悉尼）"),
            new FcRegion("ap-southeast-3", "Malaysia (Kuala Lumpur)", "马来西亚（吉隆坡）"),
            new FcRegion("ap-southeast-5", "Indonesia (Jakarta)", "印度尼西亚（雅加达）"),
            new FcRegion("ap-southeast-7", "Thailand (Bangkok)", "泰国（曼谷）"),
            new FcRegion("ap-northeast-1", "Japan (Tokyo)", "日本（东京）"),
            new FcRegion("ap-northeast-2", "South Korea (Seoul)", "韩国（首尔）"),
            new FcRegion("ap-south-1", "India (Mumbai)", "印度（孟买）"),
            new FcRegion("eu-central-1", "Germany (Frankfurt)", "德国（法兰克福）"),
            new FcRegion("eu-west-1", "UK (London)", "英国（伦敦）"),
            new FcRegion("us-west-1", "US (Silicon Valley)", "美国（硅谷）"),
            new FcRegion("us-east-1", "US (Virginia)", "美国（弗吉尼亚）"));
}
