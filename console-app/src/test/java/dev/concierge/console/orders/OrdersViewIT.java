package dev.concierge.console.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.api.ApiClient;
import dev.concierge.api.OrderRequest;
import dev.concierge.api.OrderView;
import dev.concierge.console.Connection.DemoAccount;
import dev.concierge.console.ConsoleTestServer;
import dev.concierge.console.ConsoleWindow;
import dev.concierge.console.ConsoleWindows;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The order queue against a real server: orders placed over HTTP, moved and cancelled with the keyboard. */
class OrdersViewIT {
    @TempDir
    Path temp;

    @RegisterExtension
    final ConsoleWindows windows = new ConsoleWindows();

    @Test
    void theAdvanceKeyMovesTheSelectedOrderAndCancelAsksFirst() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(temp.resolve("data"))) {
            ApiClient desk = server.client("front_desk");
            OrderView breakfast = place(desk, "107", new OrderRequest.Line("full-breakfast", 2));
            OrderView coffee = place(desk, "301", new OrderRequest.Line("coffee", 1));
            DemoAccount account = server.account("front_desk");
            ConsoleWindow console = windows.open(
                    temp.resolve("settings"), "--server", server.uri().toString());
            console.signIn(account.email(), account.password());
            console.waitForShell();

            console.robot().push(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN));
            @SuppressWarnings("unchecked")
            TableView<OrderRow> table = console.find("#orders-table", TableView.class);
            console.waitUntil("both orders in the queue", () -> table.getItems().size() == 2);
            OrderRow first = console.onFx(() -> table.getItems().get(0));
            assertEquals(breakfast.reference(), first.reference());
            assertEquals("2 × Full breakfast", first.items());
            assertEquals("Room 107", first.place());
            assertEquals("44.00 EUR", first.total());
            assertEquals("desk · unpaid", first.payment());
            assertEquals("09:00", first.time(), "placed at the frozen 09:00, venue time");

            console.robot().clickOn(breakfast.reference());
            console.robot().type(KeyCode.A);
            console.waitUntil("the move", () -> console.text("#orders-notice").contains("accepted"));
            assertEquals("accepted", status(desk, breakfast));
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the second move", () -> console.text("#orders-notice").contains("preparing"));
            assertEquals("preparing", status(desk, breakfast));

            // a refresh (every few seconds) keeps the selection
            Thread.sleep(4500);
            assertEquals(
                    breakfast.reference(),
                    console.onFx(
                            () -> table.getSelectionModel().getSelectedItem().reference()));

            console.robot().type(KeyCode.C);
            console.waitUntil("the confirmation", () -> console.showing("#cancel-confirmation"));
            console.assertEveryControlIsNamed();
            console.screenshot("orders-cancel-confirmation.png");
            console.robot().type(KeyCode.ESCAPE);
            console.waitUntil("the confirmation gone", () -> !console.showing("#cancel-confirmation"));
            assertEquals("preparing", status(desk, breakfast), "Escape keeps the order");

            console.robot().clickOn(coffee.reference());
            console.robot().type(KeyCode.C);
            console.waitUntil("the confirmation", () -> console.showing("#cancel-confirmation"));
            console.robot().type(KeyCode.ENTER);
            console.waitUntil(
                    "the cancellation", () -> console.text("#orders-notice").contains("cancelled"));
            assertEquals("cancelled", status(desk, coffee));
            console.screenshot("orders.png");
        }
    }

    private static OrderView place(ApiClient desk, String room, OrderRequest.Line line) {
        return desk.post(
                "/api/staff/orders",
                new OrderRequest(List.of(line), room, null, new OrderRequest.Payment("desk"), null, null),
                OrderView.class);
    }

    private static String status(ApiClient desk, OrderView order) {
        return desk.get("/api/staff/orders/" + order.id(), OrderView.class).status();
    }
}
