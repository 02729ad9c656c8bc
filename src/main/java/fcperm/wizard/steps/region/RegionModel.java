package fcperm.wizard.steps.region;

import fcperm.cloud.CloudSession;
import fcperm.cloud.FcRegion;
import fcperm.cloud.ServiceSummary;
import fcperm.plan.ServiceChoice;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.TaskHandle;
import fcperm.wizard.common.UiExecutor;
import fcperm.wizard.common.UserSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.Locale;
import java.util.Optional;

/**
 * Region & service: the FC regions with localized names; the services of the chosen region (paged in the
 * background, searchable), each with the role it has now; or a new service, created when the plan is applied.
 */
public final class RegionModel implements WizardStep {

    public enum Mode { EXISTING, NEW }

    private final UiExecutor executor;
    private final I18n i18n;
    private final UserSettings settings;

    private final ObservableList<FcRegion> regions = FXCollections.observableArrayList();
    private final ObjectProperty<FcRegion> region = new SimpleObjectProperty<>(this, "region");
    private final ObservableList<ServiceSummary> services = FXCollections.observableArrayList();
    private final FilteredList<ServiceSummary> visibleServices = new FilteredList<>(services);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<ServiceSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.EXISTING);
    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ReadOnlyStringWrapper listStatus = new ReadOnlyStringWrapper(this, "listStatus", "");
    private final StringBinding newNameProblem;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    private CloudSession session;
    private TaskHandle loading;

    public RegionModel(UiExecutor executor, I18n i18n, UserSettings settings) {
        this.executor = executor;
        this.i18n = i18n;
        this.settings = settings;
        newNameProblem = Bindings.createStringBinding(() -> {
            if (mode.get() != Mode.NEW) {
                return "";
            }
            Optional<String> rule = ServiceNameRule.problemKey(newName.get());
            if (rule.isPresent()) {
                return i18n.text(rule.get());
            }
            boolean taken = services.stream().anyMatch(s -> s.name().equals(newName.get()));
            return taken ? i18n.text("region.new.taken") : "";
        }, mode, newName, services, i18n.localeProperty());
        region.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                settings.setLastRegion(now.id());
                reload();
            }
        });
        search.addListener((obs, old, now) -> refilter());
        valid.bind(Bindings.createBooleanBinding(() -> region.get() != null
                        && (mode.get() == Mode.EXISTING ? selected.get() != null : newNameProblem.get().isEmpty()),
                region, mode, selected, newNameProblem));
    }

    @Override
    public String id() {
        return "region";
    }

    @Override
    public String titleKey() {
        return "region.title";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    @Override
    public void enter(WizardDraft draft) {
        if (draft.session() == session) {
            return;
        }
        session = draft.session();
        regions.setAll(FcRegion.ALL);
        String preferred = settings.lastRegion().orElse(session.defaultRegion());
        FcRegion initial = regions.stream().filter(r -> r.id().equals(preferred)).findFirst()
                .orElse(regions.isEmpty() ? null : regions.get(0));
        if (initial != null && initial.equals(region.get())) {
            reload();
        } else {
            region.set(initial);
        }
    }

    @Override
    public void leave(WizardDraft draft) {
        draft.setService(choice());
    }

    ServiceChoice choice() {
        String regionId = region.get().id();
        if (mode.get() == Mode.NEW) {
            return new ServiceChoice.NewService(regionId, newName.get());
        }
        ServiceSummary service = selected.get();
        return new ServiceChoice.ExistingService(regionId, service.name(), service.roleArn());
    }

    /** Lists the services of the chosen region again, page by page, replacing a listing still running. */
    public void reload() {
        if (loading != null && !loading.isDone()) {
            loading.cancel();
        }
        services.clear();
        selected.set(null);
        FcRegion target = region.get();
        if (target == null || session == null) {
            return;
        }
        listStatus.set(i18n.text("region.loading", regionName(target)));
        CloudSession current = session;
        loading = executor.submit(i18n.text("region.task.list", regionName(target)),
                context -> current.functionCompute(target.id()).listServices(
                        (done, total) -> {
                            context.progress(done, total);
                            context.message(i18n.text("region.loaded", done));
                        }, context::isCancelled),
                listed -> {
                    services.setAll(listed);
                    refilter();
                });
    }

    /** The region's name in the current language. */
    public String regionName(FcRegion fcRegion) {
        return (i18n.isChinese() ? fcRegion.chineseName() : fcRegion.englishName()) + " (" + fcRegion.id() + ")";
    }

    private void refilter() {
        String needle = search.get().trim().toLowerCase(Locale.ROOT);
        visibleServices.setPredicate(s -> needle.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(needle)
                || s.description().toLowerCase(Locale.ROOT).contains(needle));
        listStatus.set(i18n.text("region.count", visibleServices.size(), services.size()));
    }

    public ObservableList<FcRegion> regions() {
        return regions;
    }

    public ObjectProperty<FcRegion> regionProperty() {
        return region;
    }

    public ObservableList<ServiceSummary> visibleServices() {
        return visibleServices;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<ServiceSummary> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringBinding newNameProblemProperty() {
        return newNameProblem;
    }

    public ReadOnlyStringProperty listStatusProperty() {
        return listStatus.getReadOnlyProperty();
    }
}
