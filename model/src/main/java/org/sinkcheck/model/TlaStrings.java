package org.sinkcheck.model;

import java.util.Locale;

/** The TLA+ string values of the model's enums: a constant's name in lower case, as CancelAll.tla spells it. */
final class TlaStrings {
    private TlaStrings() {}

    /** {@code "completed"} for {@code COMPLETED}. */
    static String of(Enum<?> constant) { return constant.name().toLowerCase(Locale.ROOT); }

    /** The constant of {@code type} whose TLA+ value is {@code value}; else an error naming {@code what} it is not. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        for (E constant : type.getEnumConstants()) if (of(constant).equals(value)) return constant;
        throw new IllegalArgumentException("not a CancelAll " + what + ": " + value);
    }
}
