package dev.concierge.crm;

import java.io.IOException;

/**
 * Writes export rows as they come from the database cursor, one format per implementation. The columns are given
 * at construction; {@link #close()} releases whatever the writer holds (temp files), also after a failure.
 */
interface ExportWriter extends AutoCloseable {

    /** One row; {@code values} follow the columns, a null is an empty cell. */
    void row(Object[] values) throws IOException;

    /** Writes whatever is still buffered to the output; the output itself is left open. */
    void finish() throws IOException;

    @Override
    void close();
}
