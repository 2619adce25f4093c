package dev.concierge.crm;

/**
 * Keeps guest-typed text from running as a formula when an export is opened in a spreadsheet app (CWE-1236, "CSV
 * injection"): text starting with a character that starts a formula gets a leading {@code '}, as OWASP advises.
 */
final class FormulaGuard {
    private FormulaGuard() {}

    /** {@code text}, or {@code 'text} when it begins with {@code = + - @}, a tab or a carriage return. */
    static String neutralize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    /** True for a phone number in E.164 ({@code +} and 1 to 15 digits), which a text cell shows as it is. */
    static boolean isE164(String text) {
        int length = text.length();
        if (length < 2 || length > 16 || text.charAt(0) != '+') {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
