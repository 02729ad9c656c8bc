package fcperm.wizard.steps.region;

import fcperm.cloud.FcRegion;
import fcperm.cloud.ServiceSummary;
import fcperm.wizard.common.Decorations;
import fcperm.wizard.common.I18n;
import fcperm.wizard.common.ListCells;
import fcperm.wizard.common.Selections;
import fcperm.wizard.common.Toggles;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;

/** Wiring of the Region & service page. */
public final class RegionController {

    private final RegionModel model;
    private final I18n i18n;

    @FXML private ToggleGroup serviceMode;
    @FXML private ComboBox<FcRegion> regions;
    @FXML private RadioButton existingMode;
    @FXML private RadioButton newMode;
    @FXML private TextField search;
    @FXML private Button reloadButton;
    @FXML private ListView<ServiceSummary> services;
    @FXML private Label listStatus;
    @FXML private TextField newName;
    @FXML private Label newNameProblem;

    public RegionController(RegionModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        regions.setItems(model.regions());
        regions.setConverter(new StringConverter<>() {
            @Override
            public String toString(FcRegion region) {
                return region == null ? "" : model.regionName(region);
            }

            @Override
            public FcRegion fromString(String text) {
                return null;
            }
        });
        regions.valueProperty().bindBidirectional(model.regionProperty());

        Toggles.bind(serviceMode, java.util.Map.of(existingMode, RegionModel.Mode.EXISTING,
                newMode, RegionModel.Mode.NEW), model.modeProperty());
        search.textProperty().bindBidirectional(model.searchProperty());
        search.disableProperty().bind(newMode.selectedProperty());
        services.disableProperty().bind(newMode.selectedProperty());
        services.setItems(model.visibleServices());
        services.setCellFactory(ListCells.of(this::describe).wrapping());
        Selections.follow(services, model.selectedProperty());
        listStatus.textProperty().bind(model.listStatusProperty());
        newName.textProperty().bindBidirectional(model.newNameProperty());
        newName.disableProperty().bind(existingMode.selectedProperty());
        Decorations.showProblem(newName, model.newNameProblemProperty());
        Decorations.bindProblemLabel(newNameProblem, model.newNameProblemProperty());
    }

    private String describe(ServiceSummary service) {
        String role = service.roleArn().map(arn -> i18n.text("region.role", arn)).orElse(i18n.text("region.noRole"));
        String first = service.description().isBlank() ? service.name() : service.name() + "  ·  " + service.description();
        return first + "\n" + role;
    }

    @FXML
    private void reload() {
        model.reload();
    }
}
