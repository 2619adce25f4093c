package dev.concierge.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concierge.app.ServerSettings;
import dev.concierge.app.TestServer;
import dev.concierge.testing.BulkContacts;
import dev.concierge.testing.HeapWatch;
import dev.concierge.testing.VenueBuilder;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A million contacts export over HTTP from a server whose heap is capped at 256 MiB. Runs alone in its own failsafe
 * execution ({@code export-memory} in server/pom.xml) with {@code -Xmx256m}; the server runs in this JVM, so the cap
 * is the server's.
 */
@Tag(ContactExportMemoryIT.TAG)
class ContactExportMemoryIT {
    static final String TAG = "heap-capped";
    static final int CONTACTS = 1_000_000;
    static final long HEAP_CAP = 256L * 1024 * 1024;

    @TempDir
    Path dataDir;

    private TestServer server;

    @BeforeEach
    void start() {
        Path venue = VenueBuilder.smallHotel().writeTo(dataDir.resolveSibling(dataDir.getFileName() + "-venue.yaml"));
        server = TestServer.start(ServerSettings.defaults(dataDir)
                .withDemo(true)
                .withVenueFile(venue)
                .withFrozenNow(LocalDateTime.of(2026, 3, 9, 9, 0)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMillionContactsExportAsXlsxWithTheServersHeapCappedAt256MiB() throws Exception {
        assertTrue(
                Runtime.getRuntime().maxMemory() <= HEAP_CAP,
                "run with -Xmx256m (the failsafe execution export-memory does), not "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        long seeding = System.nanoTime();
        seed();
        long seeded = System.nanoTime();

        Path file = Path.of("target", "contact-export-1m.xlsx");
        Files.deleteIfExists(file);
        HttpResponse<Path> response;
        long exported;
        String heap;
        try (HeapWatch watch = HeapWatch.start()) {
            response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.uri() + "/api/staff/contacts/export.xlsx"))
                                    .header("Authorization", "Bearer " + server.tokenFor("manager"))
                                    .timeout(Duration.ofMinutes(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofFile(file));
            exported = System.nanoTime();
            heap = watch.toString();
        }

        assertEquals(200, response.statusCode());
        SheetSummary sheet = summarize(file);
        long verified = System.nanoTime();
        System.out.printf(
                "ContactExportMemoryIT: seed %d ms, export %d ms (%,d bytes; %s), check %d ms%n",
                (seeded - seeding) / 1_000_000,
                (exported - seeded) / 1_000_000,
                Files.size(file),
                heap,
                (verified - exported) / 1_000_000);
        assertEquals(List.of("Contacts"), sheet.names());
        assertEquals(CONTACTS + 1, sheet.rows(), "the header and every contact");
        assertEquals("Guest 1000000", sheet.lastName(), "the newest contact comes last");
    }

    /** A million contacts, a booking for every 10th and an order for every 20th. */
    private void seed() {
        server.dsl().connection(connection -> BulkContacts.seed(connection, CONTACTS));
    }

    record SheetSummary(List<String> names, long rows, String lastName) {}

    /** Sheet names, rows and the last row's name, read with SAX: a whole 1M-row workbook would need gigabytes. */
    private static SheetSummary summarize(Path file) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            List<String> names = new java.util.ArrayList<>();
            RowCounter counter = new RowCounter();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    names.add(sheets.getSheetName());
                    SAXParserFactory factory = SAXParserFactory.newInstance();
                    factory.setNamespaceAware(true);
                    factory.newSAXParser().parse(sheet, counter);
                }
            }
            return new SheetSummary(names, counter.rows, counter.lastName.toString());
        }
    }

    /** Counts {@code <row>}s and keeps the inline text of the last row's first cell. */
    private static final class RowCounter extends DefaultHandler {
        long rows;
        StringBuilder lastName = new StringBuilder();
        private boolean inFirstCell;
        private boolean inText;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> rows++;
                case "c" -> {
                    inFirstCell = attributes.getValue("r").startsWith("A");
                    if (inFirstCell) {
                        lastName = new StringBuilder();
                    }
                }
                case "t" -> inText = inFirstCell;
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("t")) {
                inText = false;
            } else if (localName.equals("c")) {
                inFirstCell = false;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                lastName.append(ch, start, length);
            }
        }
    }
}
