package fcperm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of docs/architecture.md, held by the build rather than by good intentions. */
class ArchitectureTest {

    /** The emulated services: each is self-contained and shares identity only through auth/store. */
    private static final List<String> EMULATED_SERVICES = List.of("ram", "sts", "resourcemanager", "oss", "fc");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fcperm");
    }

    @Test
    void policyEngineImportsNothingOfOurs() {
        noClasses().that().resideInAPackage("fcperm.policy..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fcperm.app..", "fcperm.wizard..", "fcperm.plan..", "fcperm.cloud..",
                        "fcperm.sandbox..", "fcperm.probe..")
                .check(main);
    }

    @Test
    void sandboxKnowsOnlyTheWireAndThePolicyEngine() {
        noClasses().that().resideInAPackage("fcperm.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fcperm.app..", "fcperm.wizard..", "fcperm.plan..", "fcperm.cloud..", "fcperm.probe..")
                .check(main);
    }

    @Test
    void cloudLayerCannotTellTheSandboxFromTheCloud() {
        noClasses().that().resideInAPackage("fcperm.cloud..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fcperm.sandbox..", "fcperm.app..", "fcperm.wizard..", "fcperm.plan..")
                .check(main);
    }

    @Test
    void planDoesNotKnowTheUiOrTheSandbox() {
        noClasses().that().resideInAPackage("fcperm.plan..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fcperm.sandbox..", "fcperm.app..", "fcperm.wizard..")
                .check(main);
    }

    @Test
    void wizardDoesNotKnowTheSandboxOrTheCompositionRoot() {
        noClasses().that().resideInAPackage("fcperm.wizard..")
                .should().dependOnClassesThat().resideInAnyPackage("fcperm.sandbox..", "fcperm.app..")
                .check(main);
    }

    @Test
    void probeIsSelfContainedBecauseItIsUploadedAsFunctionCode() {
        noClasses().that().resideInAPackage("fcperm.probe..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "fcperm.app..", "fcperm.wizard..", "fcperm.plan..", "fcperm.cloud..",
                        "fcperm.sandbox..", "fcperm.policy..")
                .check(main);
    }

    @Test
    void emulatedServicesDoNotImportEachOther() {
        for (String service : EMULATED_SERVICES) {
            String[] others = EMULATED_SERVICES.stream()
                    .filter(s -> !s.equals(service))
                    .map(s -> "fcperm.sandbox." + s + "..")
                    .toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage("fcperm.sandbox." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others);
            rule.check(main);
        }
    }

    @Test
    void javaFxStaysInTheUiAndTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages("fcperm.wizard..", "fcperm.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..")
                .check(main);
    }

    @Test
    void viewModelsNeedNoWindow() {
        noClasses().that().resideInAPackage("fcperm.wizard..").and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .because("view models are tested without a window; controllers do the wiring")
                .check(main);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("fcperm.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void sandboxPackagesHaveNoCycles() {
        slices().matching("fcperm.sandbox.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void cloudPackagesHaveNoCycles() {
        slices().matching("fcperm.cloud.(*)..").should().beFreeOfCycles().check(main);
    }

    @Test
    void policyPackagesHaveNoCycles() {
        slices().matching("fcperm.policy.(*)..").should().beFreeOfCycles().check(main);
    }
}
