package dev.concierge.crm;

import org.jooq.Field;

/**
 * One column of the contact export, defined once for both formats: its header, the kind of value (which decides
 * the cell type in XLSX and the text in CSV), the SQL that computes it, and its width in XLSX.
 *
 * @param width in characters of the default font
 */
record ExportColumn(String header, Kind kind, Field<?> value, int width) {

    /** How a value is written. */
    enum Kind {
        /** Free text, guest-typed or not: neutralized against formula injection. */
        TEXT,
        /** E.164 phone number, {@code +34…}: a text cell in XLSX, neutralized in CSV. */
        PHONE,
        BOOLEAN,
        /** A whole number. */
        COUNT,
        /** Minor units of the venue currency in SQL; written in major units. */
        MONEY,
        /** A moment; written in the venue's zone. */
        DATE_TIME
    }
}
