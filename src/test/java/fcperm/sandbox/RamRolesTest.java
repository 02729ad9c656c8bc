package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleResponse;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import fcperm.testkit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static fcperm.testkit.TestSandbox.call;
import static fcperm.testkit.TestSandbox.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** RAM roles through the official RAM SDK: CreateRole, GetRole, ListRoles, with the cloud's validation. */
class RamRolesTest {

    @RegisterExtension
    static final TestSandbox sandbox = new TestSandbox();

    private static GetRoleRequest getRole(String name) {
        GetRoleRequest request = sandbox.local(new GetRoleRequest());
        request.setRoleName(name);
        return request;
    }

    @Test
    void createdRoleIsReadBackWithEveryField() {
        CreateRoleRequest create = sandbox.createRole("fc-exec.role-1");
        create.setDescription("runs the probe");
        create.setMaxSessionDuration(7200L);

        CreateRoleResponse.Role created = call(sandbox.root(), create).getRole();
        GetRoleResponse.Role read = call(sandbox.root(), getRole("fc-exec.role-1")).getRole();

        assertThat(created.getRoleId()).containsOnlyDigits();
        assertThat(created.getArn()).isEqualTo("acs:ram::" + sandbox.sandbox().accountId() + ":role/fc-exec.role-1");
        assertThat(read.getRoleId()).isEqualTo(created.getRoleId());
        assertThat(read.getRoleName()).isEqualTo("fc-exec.role-1");
        assertThat(read.getDescription()).isEqualTo("runs the probe");
        assertThat(read.getAssumeRolePolicyDocument()).isEqualTo(TestSandbox.FC_TRUST);
        assertThat(read.getMaxSessionDuration()).isEqualTo(7200L);
        assertThat(read.getCreateDate()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void maxSessionDurationDefaultsToAnHour() {
        assertThat(call(sandbox.root(), sandbox.createRole("default-session")).getRole().getMaxSessionDuration()).isEqualTo(3600L);
    }

    @Test
    void roleNamesAreUniqueRegardlessOfCase() {
        call(sandbox.root(), sandbox.createRole("Unique-Role"));

        failsWith("EntityAlreadyExists.Role", () -> sandbox.root().getAcsResponse(sandbox.createRole("unique-role")));
    }

    @Test
    void roleNameMustUseAllowedCharactersAndLength() {
        failsWith("InvalidParameter.RoleName.InvalidChars", () -> sandbox.root().getAcsResponse(sandbox.createRole("bad_name")));
        failsWith("InvalidParameter.RoleName.Length", () -> sandbox.root().getAcsResponse(sandbox.createRole("r".repeat(65))));
    }

    @Test
    void maxSessionDurationMustBeBetweenOneAndTwelveHours() {
        CreateRoleRequest tooShort = sandbox.createRole("short-session");
        tooShort.setMaxSessionDuration(3599L);
        CreateRoleRequest tooLong = sandbox.createRole("long-session");
        tooLong.setMaxSessionDuration(43201L);

        failsWith("InvalidParameter.MaxSessionDuration", () -> sandbox.root().getAcsResponse(tooShort));
        failsWith("InvalidParameter.MaxSessionDuration", () -> sandbox.root().getAcsResponse(tooLong));
    }

    @Test
    void trustPolicyMustBeAPolicyDocument() {
        CreateRoleRequest notJson = sandbox.createRole("bad-trust");
        notJson.setAssumeRolePolicyDocument("{\"Statement\": [");

        failsWith("MalformedPolicyDocument", () -> sandbox.root().getAcsResponse(notJson));
        failsWith("EntityNotExist.Role", () -> sandbox.root().getAcsResponse(getRole("bad-trust")));
    }

    @Test
    void missingRoleIsNotFound() {
        failsWith("EntityNotExist.Role", () -> sandbox.root().getAcsResponse(getRole("never-created")));
    }

    @Test
    void listRolesPagesWithMarkerUntilEveryRoleIsSeen() {
        for (int i = 0; i < 5; i++) {
            call(sandbox.root(), sandbox.createRole("paged-" + i));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListRolesRequest list = sandbox.local(new ListRolesRequest());
            list.setMaxItems(2);
            list.setMarker(marker);
            ListRolesResponse page = call(sandbox.root(), list);
            assertThat(page.getRoles()).hasSizeLessThanOrEqualTo(2);
            page.getRoles().forEach(role -> seen.add(role.getRoleName()));
            marker = page.getIsTruncated() ? page.getMarker() : null;
            pages++;
        } while (marker != null);

        assertThat(pages).isGreaterThan(1);
        assertThat(seen).doesNotHaveDuplicates().contains("paged-0", "paged-1", "paged-2", "paged-3", "paged-4");
    }

    @Test
    void xmlResponsesCarryTheSameRolesAsJson() {
        call(sandbox.root(), sandbox.createRole("xml-role"));

        GetRoleRequest get = sandbox.localXml(new GetRoleRequest());
        get.setRoleName("xml-role");
        ListRolesRequest list = sandbox.localXml(new ListRolesRequest());
        list.setMaxItems(1000);

        assertThat(call(sandbox.root(), get).getRole().getArn()).endsWith(":role/xml-role");
        assertThat(call(sandbox.root(), list).getRoles()).extracting(ListRolesResponse.Role::getRoleName).contains("xml-role");
    }
}
