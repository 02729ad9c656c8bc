package fcperm.policy.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SystemPolicyCatalogTest {

    @Test
    void holdsTheSystemPoliciesTheWizardOffers() {
        SystemPolicyCatalog catalog = SystemPolicyCatalog.load();
        assertThat(catalog.all()).extracting(SystemPolicy::name).contains("AliyunOSSFullAccess", "AliyunOSSReadOnlyAccess",
                "AliyunLogFullAccess", "AliyunContainerRegistryReadOnlyAccess", "AliyunVPCFullAccess", "AliyunFCFullAccess",
                "AliyunFCReadOnlyAccess", "AliyunFCInvocationAccess", "AliyunSTSAssumeRoleAccess", "AliyunRAMReadOnlyAccess",
                "AliyunRAMFullAccess", "AdministratorAccess", "AliyunFCDefaultRolePolicy", "AliyunResourceManagerReadOnlyAccess");
        assertThat(catalog.all()).allSatisfy(policy -> {
            assertThat(policy.description()).isNotBlank();
            assertThat(policy.document().statements()).isNotEmpty();
        });
    }

    @Test
    void findsAPolicyWhateverTheCaseOfItsName() {
        assertThat(SystemPolicyCatalog.load().get("aliyunossfullaccess")).get()
                .extracting(SystemPolicy::name).isEqualTo("AliyunOSSFullAccess");
        assertThat(SystemPolicyCatalog.load().get("NoSuchPolicy")).isEmpty();
    }
}
