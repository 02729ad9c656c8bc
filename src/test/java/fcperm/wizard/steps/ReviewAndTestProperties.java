package fcperm.wizard.steps;

import fcperm.cloud.PolicyKind;
import fcperm.plan.AuditJournal;
import fcperm.plan.Grant;
import fcperm.plan.ListStep;
import fcperm.plan.Plan;
import fcperm.plan.PlanRun;
import fcperm.plan.PlanStep;
import fcperm.plan.RoleChoice;
import fcperm.plan.ServiceChoice;
import fcperm.plan.probetest.ProbeCode;
import fcperm.plan.probetest.ProbeTesting;
import fcperm.policy.eval.PolicyScope;
import fcperm.probe.ProbePackage;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardModel;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.RecordingDialogService;
import fcperm.wizard.common.SameThreadUiExecutor;
import fcperm.wizard.steps.review.ReviewModel;
import fcperm.wizard.steps.testfunction.TestFunctionModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random walks through the wizard's last pages as a user may take them — Next, Back, edit a choice upstream, apply,
 * a step failing (forward or undo), Retry, Roll back (agreed or declined), Test, switching the language — with the
 * real Review and Test models on a sandbox (the plan's steps stand in for cloud changes; the test is the real
 * probe). After every action: Next is enabled only on a valid page, Review is valid only when its run is fully
 * applied, the Test page never shows a result of a run other than the applied one, and nothing was thrown.
 */
class ReviewAndTestProperties {

    enum Action { NEXT, BACK, EDIT, APPLY, FAIL_FORWARD, FAIL_UNDO, RETRY, ROLL_BACK, DECLINE_ROLL_BACK, TEST, LANGUAGE }

    private static final SandboxSession cloud = new SandboxSession();
    private static final ProbeTesting TESTING = new ProbeTesting(new ProbeCode(ProbePackage.HANDLER,
            ProbePackage::build));
    private static final ServiceChoice SERVICE = new ServiceChoice.NewService("cn-hangzhou", "walked");
    private static Path home;

    /** One service whose role may write the bucket, its probe deployed and warm, for every walk. */
    @BeforeContainer
    static void world() throws Exception {
        cloud.beforeAll(null);
        home = Files.createTempDirectory("wizard-walks");
        String region = cloud.sandbox().region();
        assertThat(region).isEqualTo(SERVICE.region());
        cloud.session().objects().createBucket("walked-bucket", region);
        cloud.session().roles().createForFunctionCompute("walked-role", "");
        cloud.session().policies().attach("AliyunOSSFullAccess", PolicyKind.SYSTEM, "walked-role",
                PolicyScope.account());
        cloud.session().functionCompute(region).createService(SERVICE.name());
        cloud.session().functionCompute(region).setServiceRole(SERVICE.name(),
                cloud.session().roles().arnOf("walked-role"));
        PlanRun setUp = new PlanRun(new Plan(List.of()), new AuditJournal(home.resolve("set-up.jsonl")),
                new PlanRun.Actor("sandbox", "set-up"));
        TESTING.test(cloud.session(), SERVICE, "walked-role", event(), setUp, stage -> { });
    }

    @AfterContainer
    static void close() throws Exception {
        cloud.afterAll(null);
    }

    @Property(tries = 40)
    void nextFollowsValidityAndTheTestResultBelongsToTheAppliedRun(@ForAll("walks") List<Action> walk) {
        Walk state = new Walk();
        for (Action action : walk) {
            state.perform(action);
            state.checkInvariants(action);
        }
    }

    @Provide
    Arbitrary<List<Action>> walks() {
        return Arbitraries.of(Action.class).list().ofMinSize(1).ofMaxSize(14);
    }

    private static ProbeTesting.Event event() {
        return new ProbeTesting.Event(cloud.session().ossEndpointFor(SERVICE.region()), "walked-bucket",
                "walks/probe.txt", "walked");
    }

    /** The wizard of one walk: a choices page standing for the pages before Review, Review, Test. */
    private static final class Walk {
        final RecordingDialogService dialogs = new RecordingDialogService();
        final I18n i18n = new I18n(Locale.ENGLISH);
        final SameThreadUiExecutor executor = new SameThreadUiExecutor(dialogs);
        final WizardDraft draft = new WizardDraft();
        final List<String> world = new ArrayList<>();
        final Choices choices = new Choices();
        List<ListStep> planned = List.of();
        final ReviewModel review;
        final TestFunctionModel test;
        final WizardModel wizard;
        int edits;

        Walk() {
            draft.setSession(cloud.session());
            draft.setService(SERVICE);
            draft.setRole(new RoleChoice.NewRole("walked-role", "", "{}"));
            draft.setGrants(List.of());
            AuditJournal journal = new AuditJournal(home.resolve("walks.jsonl"));
            review = new ReviewModel((session, request) -> {
                List<ListStep> steps = new ArrayList<>();
                steps.add(new ListStep("base-" + request.grants().size(), world));
                request.grants().forEach(grant -> steps.add(new ListStep(grant.policyName(), world)));
                planned = steps;
                return new PlanRun(new Plan(List.<PlanStep>copyOf(steps)), journal,
                        new PlanRun.Actor("sandbox", "walks"));
            }, executor, dialogs, i18n);
            test = new TestFunctionModel(TESTING, journal, executor, i18n);
            wizard = new WizardModel(List.of(choices, review, test), draft, executor.busyProperty());
            wizard.start();
        }

        void perform(Action action) {
            WizardStep page = wizard.currentProperty().get();
            switch (action) {
                case NEXT -> wizard.next();
                case BACK -> wizard.back();
                case EDIT -> {
                    if (page == choices) {
                        edits++;
                        draft.setGrants(List.of(Grant.existing("policy-" + edits, PolicyKind.SYSTEM,
                                PolicyScope.account())));
                    }
                }
                case APPLY -> on(review, review::apply);
                case RETRY -> on(review, review::retry);
                case ROLL_BACK -> on(review, review::rollBack);
                case DECLINE_ROLL_BACK -> on(review, () -> {
                    dialogs.answer = false;
                    review.rollBack();
                    dialogs.answer = true;
                });
                case FAIL_FORWARD -> planned.stream().reduce((first, second) -> second)
                        .ifPresent(last -> last.failApply ^= true);
                case FAIL_UNDO -> planned.stream().findFirst().ifPresent(first -> first.failUndo ^= true);
                case TEST -> on(test, () -> {
                    test.bucketProperty().set("walked-bucket");
                    test.objectNameProperty().set("walks/probe.txt");
                    test.runTest();
                });
                case LANGUAGE -> i18n.setLocale(i18n.localeProperty().get().equals(Locale.ENGLISH)
                        ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
            }
        }

        /** Buttons of a page can be pressed only while it is shown. */
        private void on(WizardStep page, Runnable press) {
            if (wizard.currentProperty().get() == page) {
                press.run();
            }
        }

        void checkInvariants(Action after) {
            WizardStep page = wizard.currentProperty().get();
            String where = "after " + after + " on " + page.id();
            assertThat(dialogs.failures).as(where).isEmpty();
            if (wizard.canNextProperty().get()) {
                assertThat(page.validProperty().get()).as(where + ": Next on an invalid page").isTrue();
            }
            PlanRun applied = draft.runProperty().get();
            if (review.validProperty().get() && !review.rows().isEmpty()) {
                assertThat(applied).as(where + ": Review valid without an applied run").isNotNull();
                assertThat(applied.isComplete()).as(where + ": Review valid with steps not applied").isTrue();
            }
            TestFunctionModel.Verdict verdict = test.verdictProperty().get();
            if (verdict != TestFunctionModel.Verdict.NONE) {
                assertThat(test.resultRunProperty().get()).as(where + ": a result of another run")
                        .isNotNull().isSameAs(applied);
            }
        }
    }

    /** The pages before Review, reduced to what they do to the draft: always valid, edited by EDIT. */
    private static final class Choices implements WizardStep {
        private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);

        @Override
        public String id() {
            return "choices";
        }

        @Override
        public String titleKey() {
            return "app.title";
        }

        @Override
        public ReadOnlyBooleanProperty validProperty() {
            return valid.getReadOnlyProperty();
        }
    }
}
