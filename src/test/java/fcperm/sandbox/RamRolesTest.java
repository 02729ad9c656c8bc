package fcperm.sandbox;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleResponse;
import com.aliyuncs.ram.model.v20150501.GetRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static fcperm.sandbox.SdkClients.call;
import static fcperm.sandbox.SdkClients.failsWith;
import static org.assertj.core.api.Assertions.assertThat;

/** RAM roles through the official RAM SDK: CreateRole, GetRole, ListRoles, with the cloud's validation. */
class RamRolesTest {

    @RegisterExtension
    static final SdkClients clients = new SdkClients();

    private static GetRoleRequest getRole(String name) {
        GetRoleRequest request = clients.local(new GetRoleRequest());
        request.setRoleName(name);
        return request;
    }

    @Test
    void createdRoleIsReadBackWithEveryField() {
        CreateRoleRequest create = clients.createRole("fc-exec.role-1");
        create.setDescription("runs the probe");
        create.setMaxSessionDuration(7200L);

        CreateRoleResponse.Role created = call(clients.root(), create).getRole();
        GetRoleResponse.Role read = call(clients.root(), getRole("fc-exec.role-1")).getRole();

        assertThat(created.getRoleId()).containsOnlyDigits();
        assertThat(created.getArn()).isEqualTo("acs:ram::" + clients.sandbox().accountId() + ":role/fc-exec.role-1");
        assertThat(read.getRoleId()).isEqualTo(created.getRoleId());
        assertThat(read.getRoleName()).isEqualTo("fc-exec.role-1");
        assertThat(read.getDescription()).isEqualTo("runs the probe");
        assertThat(read.getAssumeRolePolicyDocument()).isEqualTo(SdkClients.FC_TRUST);
        assertThat(read.getMaxSessionDuration()).isEqualTo(7200L);
        assertThat(read.getCreateDate()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void maxSessionDurationDefaultsToAnHour() {
        assertThat(call(clients.root(), clients.createRole("default-session")).getRole().getMaxSessionDuration()).isEqualTo(3600L);
    }

    @Test
    void roleNamesAreUniqueRegardlessOfCase() {
        call(clients.root(), clients.createRole("Unique-Role"));

        failsWith("EntityAlreadyExists.Role", () -> clients.root().getAcsResponse(clients.createRole("unique-role")));
    }

    @Test
    void roleNameMustUseAllowedCharactersAndLength() {
        failsWith("InvalidParameter.RoleName.InvalidChars", () -> clients.root().getAcsResponse(clients.createRole("bad_name")));
        failsWith("InvalidParameter.RoleName.Length", () -> clients.root().getAcsResponse(clients.createRole("r".repeat(65))));
    }

    @Test
    void maxSessionDurationMustBeBetweenOneAndTwelveHours() {
        CreateRoleRequest tooShort = clients.createRole("short-session");
        tooShort.setMaxSessionDuration(3599L);
        CreateRoleRequest tooLong = clients.createRole("long-session");
        tooLong.setMaxSessionDuration(43201L);

        failsWith("InvalidParameter.MaxSessionDuration", () -> clients.root().getAcsResponse(tooShort));
        failsWith("InvalidParameter.MaxSessionDuration", () -> clients.root().getAcsResponse(tooLong));
    }

    @Test
    void trustPolicyMustBeAPolicyDocument() {
        CreateRoleRequest notJson = clients.createRole("bad-trust");
        notJson.setAssumeRolePolicyDocument("{\"Statement\": [");

        failsWith("MalformedPolicyDocument", () -> clients.root().getAcsResponse(notJson));
        failsWith("EntityNotExist.Role", () -> clients.root().getAcsResponse(getRole("bad-trust")));
    }

    @Test
    void missingRoleIsNotFound() {
        failsWith("EntityNotExist.Role", () -> clients.root().getAcsResponse(getRole("never-created")));
    }

    @Test
    void listRolesPagesWithMarkerUntilEveryRoleIsSeen() {
        for (int i = 0; i < 5; i++) {
            call(clients.root(), clients.createRole("paged-" + i));
        }
        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ListRolesRequest list = clients.local(new ListRolesRequest());
            list.setMaxItems(2);
            list.setMarker(marker);
            ListRolesResponse page = call(clients.root(), list);
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
        call(clients.root(), clients.createRole("xml-role"));

        GetRoleRequest get = clients.localXml(new GetRoleRequest());
        get.setRoleName("xml-role");
        ListRolesRequest list = clients.localXml(new ListRolesRequest());
        list.setMaxItems(1000);

        assertThat(call(clients.root(), get).getRole().getArn()).endsWith(":role/xml-role");
        assertThat(call(clients.root(), list).getRoles()).extracting(ListRolesResponse.Role::getRoleName).contains("xml-role");
    }
}
