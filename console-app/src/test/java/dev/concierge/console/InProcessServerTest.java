package dev.concierge.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concierge.console.Connection.DemoAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessServerTest {

    @Test
    void readsTheDemoAccountsTheServerPrintedAndNothingElse() {
        String printed = """
                Demo staff accounts (shown this once; the passwords are stored only as hashes):
                  owner       owner@miramar.example      Kq3-pW9x-Zt2m
                  manager     manager@miramar.example    Lm8-aR4c-Yh7v
                  front_desk  desk@miramar.example       Pb5-nX1d-Wq6s
                Concierge is running at http://localhost:7491/
                """;

        assertEquals(
                List.of(
                        new DemoAccount("owner", "owner@miramar.example", "Kq3-pW9x-Zt2m"),
                        new DemoAccount("manager", "manager@miramar.example", "Lm8-aR4c-Yh7v"),
                        new DemoAccount("front_desk", "desk@miramar.example", "Pb5-nX1d-Wq6s")),
                InProcessServer.demoAccounts(printed));
    }

    @Test
    void aRestartPrintsNoAccounts() {
        assertEquals(List.of(), InProcessServer.demoAccounts("Concierge is running at http://localhost:7070/\n"));
    }
}
