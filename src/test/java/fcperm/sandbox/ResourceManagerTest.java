package fcperm.sandbox;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.fc.request.CreateServiceRequest;
import com.fasterxml.jackson.databind.JsonNode;
import fcperm.testkit.FcClients;
import fcperm.testkit.OssClients;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static fcperm.sandbox.ResourceManagerCalls.items;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource groups and the resources in them, through CommonRequest of aliyun-java-sdk-core (Resource Manager
 * 2020-03-31) as the cloud layer calls it.
 */
class ResourceManagerTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();
    private static final ResourceManagerCalls rm = new ResourceManagerCalls(sandbox);

    private static JsonNode group(String id) throws ClientException {
        return rm.call("GetResourceGroup", Map.of("ResourceGroupId", id)).path("ResourceGroup");
    }

    private static long groupCount() throws ClientException {
        return rm.call("ListResourceGroups", Map.of()).path("TotalCount").asLong();
    }

    @Test
    void theAccountStartsWithItsDefaultGroup() throws Exception {
        JsonNode group = group(rm.defaultGroup());

        assertThat(group.path("Name").asText()).isEqualTo("default");
        assertThat(group.path("Status").asText()).isEqualTo("OK");
        assertThat(group.path("AccountId").asText()).isEqualTo(rm.accountId());
        assertThat(group.path("Id").asText()).matches("rg-[a-z0-9]{15}");
        assertThat(group.path("RegionStatuses").path("RegionStatus").get(0).path("RegionId").asText())
                .isEqualTo(sandbox.sandbox().region());
    }

    @Test
    void createsAGroupAndReadsItBack() throws Exception {
        JsonNode created = rm.call("CreateResourceGroup", Map.of("Name", "web-shop", "DisplayName", "网店 Web shop"))
                .path("ResourceGroup");

        assertThat(created.path("Name").asText()).isEqualTo("web-shop");
        assertThat(created.path("RegionStatuses").path("RegionStatus").get(0).path("Status").asText()).isEqualTo("OK");
        assertThat(Instant.parse(created.path("CreateDate").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode read = group(created.path("Id").asText());
        assertThat(read.path("DisplayName").asText()).isEqualTo("网店 Web shop");
        assertThat(read.path("CreateDate").asText()).isEqualTo(created.path("CreateDate").asText());
    }

    @Test
    void pagesThroughGroupsWithoutRepeatsOrGaps() throws Exception {
        for (int i = 0; i < 11; i++) {
            rm.createGroup("paging-" + i);
        }

        List<String> names = rm.allPages("ListResourceGroups", Map.of("Name", "paging-"), 4, "ResourceGroups", "ResourceGroup")
                .stream().map(group -> group.path("Name").asText()).toList();
        JsonNode pastTheEnd = rm.call("ListResourceGroups", Map.of("Name", "paging-", "PageNumber", "4", "PageSize", "4"));

        assertThat(names).hasSize(11).doesNotHaveDuplicates().contains("paging-0", "paging-10");
        assertThat(items(pastTheEnd, "ResourceGroups", "ResourceGroup")).isEmpty();
        assertThat(pastTheEnd.path("TotalCount").asInt()).isEqualTo(11);
        assertThat(pastTheEnd.path("PageNumber").asInt()).isEqualTo(4);
        assertThat(pastTheEnd.path("PageSize").asInt()).isEqualTo(4);
    }

    @Test
    void filtersGroupsByNameAndDisplayNameFragmentsIdsAndStatus() throws Exception {
        String alpha = rm.call("CreateResourceGroup", Map.of("Name", "team-alpha", "DisplayName", "Alpha squad"))
                .path("ResourceGroup").path("Id").asText();
        String beta = rm.call("CreateResourceGroup", Map.of("Name", "team-beta", "DisplayName", "Beta squad"))
                .path("ResourceGroup").path("Id").asText();

        assertThat(names(Map.of("Name", "alph"))).containsExactly("team-alpha");
        assertThat(names(Map.of("DisplayName", "squad"))).containsExactlyInAnyOrder("team-alpha", "team-beta");
        assertThat(names(Map.of("Name", "team-", "DisplayName", "Beta"))).containsExactly("team-beta");
        assertThat(names(Map.of("ResourceGroupId", beta))).containsExactly("team-beta");
        assertThat(names(Map.of("ResourceGroupIds.1", alpha, "ResourceGroupIds.2", beta, "ResourceGroupId", rm.defaultGroup())))
                .containsExactlyInAnyOrder("team-alpha", "team-beta");
        assertThat(names(Map.of("Name", "team-", "Status", "OK"))).containsExactlyInAnyOrder("team-alpha", "team-beta");
        assertThat(names(Map.of("Status", "PendingDelete"))).isEmpty();
        assertThat(names(Map.of("Name", "%"))).as("the fragment is taken literally").isEmpty();
    }

    private static List<String> names(Map<String, String> filters) throws ClientException {
        return items(rm.call("ListResourceGroups", filters), "ResourceGroups", "ResourceGroup").stream()
                .map(group -> group.path("Name").asText()).toList();
    }

    @Test
    void changesTheDisplayNameButNotTheName() throws Exception {
        String id = rm.createGroup("renamed");

        JsonNode updated = rm.call("UpdateResourceGroup", Map.of("ResourceGroupId", id, "NewDisplayName", "Now renamed"))
                .path("ResourceGroup");

        assertThat(updated.path("DisplayName").asText()).isEqualTo("Now renamed");
        assertThat(updated.path("Name").asText()).isEqualTo("renamed");
        assertThat(group(id).path("DisplayName").asText()).isEqualTo("Now renamed");
    }

    @Test
    void refusesNamesAndDisplayNamesTheCloudRefuses() throws Exception {
        long before = groupCount();

        failsWith("InvalidParameter.Name.Length", () -> rm.createGroup("ab"));
        failsWith("InvalidParameter.Name.Length", () -> rm.createGroup("a".repeat(51)));
        failsWith("InvalidParameter.Name.InvalidChars", () -> rm.createGroup("1st-group"));
        failsWith("InvalidParameter.Name.InvalidChars", () -> rm.createGroup("dots.are.not.allowed"));
        failsWith("InvalidParameter.Name.InvalidChars", () -> rm.createGroup("under_score"));
        failsWith("InvalidParameter.DisplayName.Length",
                () -> rm.call("CreateResourceGroup", Map.of("Name", "long-display", "DisplayName", "x".repeat(51))));
        failsWith("MissingParameter.DisplayName", () -> rm.call("CreateResourceGroup", Map.of("Name", "no-display")));
        failsWith("MissingParameter.Name", () -> rm.call("CreateResourceGroup", Map.of("DisplayName", "no name")));
        failsWith("InvalidParameter.NewDisplayName.Length", () -> rm.call("UpdateResourceGroup",
                Map.of("ResourceGroupId", rm.defaultGroup(), "NewDisplayName", "y".repeat(51))));

        assertThat(groupCount()).isEqualTo(before);
        assertThat(rm.call("CreateResourceGroup", Map.of("Name", "a" + "b".repeat(49), "DisplayName", "组".repeat(50)))
                .path("ResourceGroup").path("DisplayName").asText()).hasSize(50);
    }

    @Test
    void refusesADuplicateNameAndKeepsTheFirstGroup() throws Exception {
        String first = rm.createGroup("unique-name");

        ClientException duplicate = failsWith("EntityAlreadyExists.ResourceGroup", () -> rm.createGroup("unique-name"));

        assertThat(duplicate.getErrMsg()).contains("unique-name");
        assertThat(names(Map.of("Name", "unique-name"))).containsExactly("unique-name");
        assertThat(group(first).path("Name").asText()).isEqualTo("unique-name");
    }

    @Test
    void answersUnknownMalformedAndMissingGroupIds() throws Exception {
        failsWith("EntityNotExists.ResourceGroup", () -> group("rg-missing"));
        failsWith("EntityNotExists.ResourceGroup",
                () -> rm.call("UpdateResourceGroup", Map.of("ResourceGroupId", "rg-missing", "NewDisplayName", "x")));
        failsWith("InvalidParameter.ResourceGroupId", () -> group("group-1"));
        failsWith("InvalidParameter.ResourceGroupId", () -> group("rg-" + "a".repeat(16)));
        assertThat(failsWith("MissingParameter", () -> rm.call("GetResourceGroup", Map.of())).getErrMsg())
                .contains("ResourceGroupId");
    }

    @Test
    void refusesPagesOutsideTheLimits() {
        failsWith("InvalidParameter.PageSize", () -> rm.call("ListResourceGroups", Map.of("PageSize", "0")));
        failsWith("InvalidParameter.PageSize", () -> rm.call("ListResourceGroups", Map.of("PageSize", "101")));
        failsWith("InvalidParameter.PageSize", () -> rm.call("ListResourceGroups", Map.of("PageSize", "ten")));
        failsWith("InvalidParameter.PageNumber", () -> rm.call("ListResourceGroups", Map.of("PageNumber", "0")));
    }

    @Test
    void answersInXmlWhenAsked() throws Exception {
        String xml = rm.xml("ListResourceGroups", Map.of("Name", "default"));

        assertThat(xml).contains("<ListResourceGroupsResponse>").contains("<ResourceGroups><ResourceGroup>")
                .contains("<Name>default</Name>").contains("<TotalCount>1</TotalCount>");
        failsWith("EntityNotExists.ResourceGroup", () -> rm.xml("GetResourceGroup", Map.of("ResourceGroupId", "rg-missing")));
    }

    @Test
    void readsParametersFromAFormBody() throws Exception {
        JsonNode created = rm.callWithBody("CreateResourceGroup", Map.of("Name", "from-body", "DisplayName", "From a body"));

        assertThat(group(created.path("ResourceGroup").path("Id").asText()).path("DisplayName").asText())
                .isEqualTo("From a body");
    }

    @Test
    void listsABucketInTheGroupOssCreatedItIn() throws Exception {
        String shop = rm.createGroup("bucket-holder");
        OSS oss = OssClients.v1(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        try {
            CreateBucketRequest create = new CreateBucketRequest("shop-assets");
            create.setResourceGroupId(shop);
            oss.createBucket(create);
        } finally {
            oss.shutdown();
        }

        assertThat(items(rm.call("ListResources", Map.of("ResourceGroupId", shop)), "Resources", "Resource"))
                .singleElement().satisfies(bucket -> {
                    assertThat(bucket.path("Service").asText()).isEqualTo("oss");
                    assertThat(bucket.path("ResourceType").asText()).isEqualTo("bucket");
                    assertThat(bucket.path("ResourceId").asText()).isEqualTo("shop-assets");
                });
    }

    @Test
    void listsTheResourcesOtherServicesPlaceInGroups() throws Exception {
        var fc = FcClients.of(sandbox.sandbox(), sandbox.sandbox().rootCredentials());
        for (String name : List.of("grouped-a", "grouped-b", "grouped-c")) {
            CreateServiceRequest service = new CreateServiceRequest();
            service.setServiceName(name);
            fc.createService(service);
        }
        String empty = rm.createGroup("holds-nothing");

        List<JsonNode> services = rm.allPages("ListResources", Map.of("Service", "fc", "ResourceType", "service"), 2,
                "Resources", "Resource");
        Map<String, String> byType = Map.of("ResourceTypes.1.Service", "oss", "ResourceTypes.2.Service", "fc",
                "ResourceTypes.2.ResourceType", "service");

        assertThat(services).extracting(resource -> resource.path("ResourceId").asText())
                .containsExactlyInAnyOrder("grouped-a", "grouped-b", "grouped-c");
        assertThat(services).allSatisfy(resource -> {
            assertThat(resource.path("ResourceGroupId").asText()).isEqualTo(rm.defaultGroup());
            assertThat(resource.path("RegionId").asText()).isEqualTo(sandbox.sandbox().region());
            assertThat(resource.path("CreateDate").asText()).isNotBlank();
        });
        assertThat(rm.call("ListResources", byType).path("TotalCount").asInt()).isEqualTo(3);
        assertThat(rm.call("ListResources", Map.of("ResourceGroupId", empty)).path("TotalCount").asInt()).isZero();
        assertThat(rm.call("ListResources", Map.of("ResourceId", "grouped-b")).path("Resources").path("Resource"))
                .hasSize(1);
        failsWith("EntityNotExists.ResourceGroup", () -> rm.call("ListResources", Map.of("ResourceGroupId", "rg-missing")));
        failsWith("InvalidParameter.ResourceGroupId", () -> rm.call("ListResources", Map.of("ResourceGroupId", "default")));
        assertThat(failsWith("MissingParameter", () -> rm.call("ListResources",
                Map.of("ResourceTypes.1.ResourceType", "bucket"))).getErrMsg()).contains("ResourceTypes.1.Service");
    }
}
