package dev.concierge.console.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.api.ApiClient;
import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderView;
import dev.concierge.api.PublicKeyRequest;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import dev.concierge.testing.FakeStripe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card order paid through a local Stripe is refunded from the Orders screen by a manager: the refund goes to Stripe
 * once through the outbox, and the row, like the server, then says refunded.
 */
class OrdersRefundIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void aManagerRefundsAPaidCardOrderWithRAndTheRowShowsItRefunded() throws Exception {
        // the console's build names Google's descriptions in shared/specs/; Stripe's fixtures lie beside them
        Path fixtures = Path.of(System.getProperty("google.sheets.spec")).resolveSibling("stripe-fixtures3.json");
        try (FakeStripe stripe = FakeStripe.start(fixtures);
                ConsoleTestServer server = ConsoleTestServer.withEnvironment(
                        temp.resolve("data"),
                        Map.of("STRIPE_SECRET_KEY", "sk_test_console_refund", "STRIPE_API_BASE", stripe.base()))) {
            ApiClient manager = server.client("manager");
            OrderView order = manager.post(
                    "/api/staff/orders",
                    new OrderRequest(
                            List.of(new OrderRequest.Line("coffee", 2)),
                            null,
                            "7",
                            new OrderRequest.Payment("card"),
                            null,
                            null),
                    OrderView.class);
            String intent = stripe.intents().keySet().iterator().next();
            // the guest pays on their side; the payer's page then asks the server to read the payment again
            stripe.setStatus(intent, "succeeded");
            ApiClient website = ApiClient.of(server.uri())
                    .withPublicKey(manager.createPublicKey(new PublicKeyRequest("Website", List.of()))
                            .key());
            assertEquals(
                    "paid",
                    website.post("/api/orders/confirm", Map.of("orderId", order.id()), OrderView.class)
                            .payment()
                            .status());

            DemoAccount account = server.account("manager");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();
            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            TableView<OrderRow> table = console.find("#orders-table", TableView.class);
            console.waitUntil(
                    "the paid card order in the queue",
                    () -> table.getItems().size() == 1
                            && table.getItems().get(0).payment().equals("card · paid"));

            console.robot().clickOn(order.reference());
            console.robot().type(KeyCode.R);
            console.waitUntil(
                    "the refund asked for",
                    () -> console.text("#orders-notice")
                            .equals("The refund of " + order.reference() + " is on its way."));
            console.waitUntil(
                    "the row refunded", () -> table.getItems().get(0).payment().equals("card · refunded"));
            console.assertEveryControlIsNamed();
            console.screenshot("orders-refunded.png");

            assertEquals(
                    "refunded",
                    manager.get("/api/staff/orders/" + order.id(), OrderView.class)
                            .payment()
                            .status());
            List<FakeStripe.Recorded> refunds = stripe.requests().stream()
                    .filter(request -> request.path().equals("/v1/refunds"))
                    .toList();
            assertEquals(1, refunds.size(), "one refund: " + refunds);
            assertEquals(intent, refunds.get(0).params().get("payment_intent"));
            assertEquals(List.of(), stripe.problems());
        }
    }
}
