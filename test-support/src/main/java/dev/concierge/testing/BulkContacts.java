package dev.concierge.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Many contacts in a Concierge H2 database in three statements, for the export's memory test and its benchmark:
 * one contact every 20 seconds from 1 June 2025, a third with consent, a booking for every 10th and a 14.50 EUR
 * order for every 20th.
 */
public final class BulkContacts {
    /** Seconds between two seeded contacts' creation times. */
    public static final int SECONDS_APART = 20;

    private BulkContacts() {}

    public static void seed(Connection connection, int contacts) throws SQLException {
        execute(connection, """
                insert into contact (name, email, phone, language, intent, notes, consent, consent_at,
                                     consent_source, source, created_at, updated_at)
                select 'Guest ' || x, 'guest' || x || '@bulk.example', '+3460' || lpad(x, 7, '0'),
                       case when mod(x, 2) = 0 then 'es' else 'en' end, 'Spa weekend',
                       'Prefers a quiet room, late check-out', mod(x, 3) = 0,
                       case when mod(x, 3) = 0 then timestamp with time zone '2026-01-01 10:00:00+01:00' end,
                       case when mod(x, 3) = 0 then 'web' end, 'web',
                       dateadd(second, x * 20, timestamp with time zone '2025-06-01 00:00:00+00:00'),
                       dateadd(second, x * 20, timestamp with time zone '2025-06-01 00:00:00+00:00')
                from system_range(1, ?)""", contacts);
        long firstId;
        try (PreparedStatement query = connection.prepareStatement("select min(id) from contact");
                ResultSet result = query.executeQuery()) {
            result.next();
            firstId = result.getLong(1);
        }
        execute(connection, """
                insert into booking (reference, kind, service_id, start_at, end_at, blocked_until, party_size,
                                     taken, status, contact_name, source, created_at, updated_at, contact_id)
                select 'BK' || x, 'service', 'massage-60', timestamp with time zone '2025-06-02 10:00:00+00:00',
                       timestamp with time zone '2025-06-02 11:00:00+00:00',
                       timestamp with time zone '2025-06-02 11:15:00+00:00', 1, 1, 'completed', 'Guest', 'web',
                       timestamp with time zone '2025-06-01 10:00:00+00:00',
                       timestamp with time zone '2025-06-01 10:00:00+00:00',
                       ? + x * 10
                from system_range(1, ?)""", firstId - 1, contacts / 10);
        execute(connection, """
                insert into orders (reference, status, payment_method, payment_status, total, currency, contact_id,
                                    source, created_at, updated_at)
                select 'OR' || x, 'delivered', 'desk', 'paid', 1450, 'EUR', ? + x * 20,
                       'console', timestamp with time zone '2025-06-01 10:00:00+00:00',
                       timestamp with time zone '2025-06-01 10:00:00+00:00'
                from system_range(1, ?)""", firstId - 1, contacts / 20);
    }

    private static void execute(Connection connection, String sql, long... arguments) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setLong(i + 1, arguments[i]);
            }
            statement.executeUpdate();
        }
    }
}
