package fcperm.wizard.steps.region;

import fcperm.cloud.CloudSession;
import fcperm.cloud.FcRegion;
import fcperm.cloud.ServiceSummary;
import fcperm.plan.Change;
import fcperm.plan.ServiceChoice;
import fcperm.wizard.WizardDraft;
import fcperm.wizard.WizardStep;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListLoading;
import fcperm.wizard.common.TaskHandle;
import fcperm.wizard.common.UiExecutor;
import fcperm.wizard.common.UserSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
    private final ListLoading loading;
    private final StringBinding newNameProblem;
    private final ObjectBinding<ServiceChoice> choice;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    private CloudSession session;
    private TaskHandle listing;
    private WizardDraft draft;

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
            boolean taken = services.stream().anyMatch(s -> s.name().equals(newName.get()))
                    && !(draft != null && draft.madeBySession(Change.Kind.CREATE_SERVICE, newName.get()));
            return taken ? i18n.text("region.new.taken") : "";
        }, mode, newName, services, i18n.localeProperty());
        region.addListener((obs, old, now) -> {
            if (now != null && !now.equals(old)) {
                settings.setLastRegion(now.id());
                reload();
            }
        });
        search.addListener((obs, old, now) -> refilter());
        loading = new ListLoading(i18n, () -> i18n.text("region.loading", regionName(region.get())),
                this::describeList, region, services, visibleServices);
        choice = Bindings.createObjectBinding(this::currentChoice, region, mode, selected, newName, newNameProblem);
        valid.bind(choice.isNotNull());
        // The draft holds the page's choice at every moment (null while the page is not valid).
        choice.addListener((obs, old, now) -> publish());
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

    /** Lists the services again each time (someone may have made one since), keeping the choice. */
    @Override
    public void enter(WizardDraft current) {
        draft = current;
        publish();
        if (current.session() == session) {
            reload();
            return;
        }
        session = current.session();
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

    private void publish() {
        if (draft != null) {
            draft.setService(choice.get());
        }
    }

    /** The service chosen, or null while the page's input does not name a valid one. */
    private ServiceChoice currentChoice() {
        if (region.get() == null) {
            return null;
        }
        String regionId = region.get().id();
        if (mode.get() == Mode.NEW) {
            return newNameProblem.get().isEmpty() ? new ServiceChoice.NewService(regionId, newName.get()) : null;
        }
        ServiceSummary service = selected.get();
        return service == null ? null : new ServiceChoice.ExistingService(regionId, service.name());
    }

    /**
     * Lists the services of the chosen region again, page by page, replacing a listing still running. The service
     * chosen stays chosen when it is still there.
     */
    public void reload() {
        if (listing != null && !listing.isDone()) {
            listing.cancel();
        }
        FcRegion target = region.get();
        Optional<String> chosen = Optional.ofNullable(selected.get()).map(ServiceSummary::name);
        if (target == null || session == null) {
            services.clear();
            return;
        }
        loading.started();
        CloudSession current = session;
        listing = executor.submit(i18n.text("region.task.list", regionName(target)),
                context -> current.functionCompute(target.id()).listServices(
                        (done, total) -> {
                            context.progress(done, total);
                            context.message(i18n.text("region.loaded", done));
                        }, context::isCancelled),
                listed -> {
                    // Reselect before replacing the list, so the choice never passes through "nothing".
                    selected.set(chosen.flatMap(name -> listed.stream().filter(s -> s.name().equals(name))
                            .findFirst()).orElse(null));
                    services.setAll(listed);
                    loading.succeeded();
                }, loading::failed);
    }

    /** The region's name in the current language. */
    public String regionName(FcRegion fcRegion) {
        return (i18n.isChinese() ? fcRegion.chineseName() : fcRegion.englishName()) + " (" + fcRegion.id() + ")";
    }

    private void refilter() {
        String needle = search.get().trim().toLowerCase(Locale.ROOT);
        visibleServices.setPredicate(s -> needle.isEmpty() || s.name().toLowerCase(Locale.ROOT).contains(needle)
                || s.description().toLowerCase(Locale.ROOT).contains(needle));
    }

    /** The counts; for a region without services, a pointer to making one. */
    private String describeList() {
        if (services.isEmpty() && region.get() != null && session != null) {
            return i18n.text("region.none", regionName(region.get()));
        }
        return i18n.text("region.count", visibleServices.size(), services.size());
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

    public StringBinding listStatusProperty() {
        return loading.statusProperty();
    }
}
