package fcperm.app;

import javafx.util.Callback;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The FXMLLoader controller factory: each FXML names its controller class, and this builds it with plain
 * constructor arguments registered by the composition root. No reflection beyond what FXMLLoader does itself.
 */
final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    <C> void register(Class<C> type, Supplier<? extends C> supplier) {
        suppliers.put(type, supplier);
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("no controller registered for " + type.getName());
        }
        return supplier.get();
    }
}
