package dev.concierge.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that a spreadsheet app would run as a formula gets a leading quote; all other text is left alone. */
class FormulaGuardTest {

    @Test
    void textStartingAFormulaGetsALeadingQuote() {
        for (String evil :
                List.of("=HYPERLINK(\"http://x\",\"y\")", "+34612000300", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1", "=")) {
            assertEquals("'" + evil, FormulaGuard.neutralize(evil), evil);
        }
    }

    @Test
    void otherTextIsLeftAsItIs() {
        for (String fine :
                List.of("", "Ana López", "ana@x.com", " =1", "1+1", "'quoted", "#1", "Notes, with = inside")) {
            assertEquals(fine, FormulaGuard.neutralize(fine), fine);
        }
    }

    @Test
    void onlyAPlusAndDigitsIsAnE164Phone() {
        assertTrue(FormulaGuard.isE164("+34612000300"));
        assertTrue(FormulaGuard.isE164("+1"));
        assertFalse(FormulaGuard.isE164("+"));
        assertFalse(FormulaGuard.isE164("34612000300"));
        assertFalse(FormulaGuard.isE164("+34 612"));
        assertFalse(FormulaGuard.isE164("+1+1"));
        assertFalse(FormulaGuard.isE164("+1234567890123456"), "16 digits is longer than E.164 allows");
    }
}
