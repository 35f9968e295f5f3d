package io.cxscore.publish;

/**
 * The {@code warehouse/} folder itself is wrong: unreadable YAML, a model without a sidecar, an
 * unknown {@code ref()} or {@code source()}, a dependency cycle. The message names the file or
 * models involved and is meant to be shown to the user as is.
 */
public final class WarehouseProjectException extends RuntimeException {
    public WarehouseProjectException(String message) {
        super(message);
    }

    public WarehouseProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
