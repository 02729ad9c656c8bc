package fcperm;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The boundaries of docs/architecture.md, held by the build rather than by good intentions. */
class ArchitectureTest {

    /** The emulated services: each is self-contained and shares identity state only through sandbox/identity. */
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
    void insideEachEmulatedServiceTheApiCallsTheServiceAndTheServiceTheStore() {
        for (String service : EMULATED_SERVICES) {
            String pkg = "fcperm.sandbox." + service + "..";
            noClasses().that().resideInAPackage(pkg).and().haveSimpleNameEndingWith("Store")
                    .should().dependOnClassesThat(resideInAPackage(pkg).and(simpleNameEndingWith("Service").or(simpleNameEndingWith("Api"))))
                    .because("a store keeps rows; what an operation means is decided above it")
                    .check(main);
            noClasses().that().resideInAPackage(pkg).and().haveSimpleNameEndingWith("Service")
                    .should().dependOnClassesThat(resideInAPackage(pkg).and(simpleNameEndingWith("Api")))
                    .because("a service's rules know nothing of the wire shapes its Api reads and writes")
                    .check(main);
            noClasses().that().resideInAPackage(pkg).and().haveSimpleNameEndingWith("Api")
                    .should().dependOnClassesThat(resideInAPackage(pkg).and(simpleNameEndingWith("Store"))
                            .or(resideInAPackage("fcperm.sandbox.store..")))
                    .because("an Api maps requests to its service; Sandbox.start builds the service with its store")
                    .check(main);
        }
    }

    @Test
    void wirePackagesDoNotKnowTheServicesTheyCarry() {
        noClasses().that().resideInAPackage("fcperm.sandbox.http..")
                .should().dependOnClassesThat().resideInAnyPackage(EMULATED_SERVICES.stream()
                        .map(service -> "fcperm.sandbox." + service + "..").toArray(String[]::new))
                .because("a service implements its wire's operation table; the wire never reaches into a service")
                .check(main);
    }

    @Test
    void jettyStaysInTheHttpPackage() {
        noClasses().that().resideInAPackage("fcperm.sandbox..").and().resideOutsideOfPackage("fcperm.sandbox.http..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
                .because("services and wire formats are tested and read without a server; only http/ knows Jetty")
                .check(main);
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
