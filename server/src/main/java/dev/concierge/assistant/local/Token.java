package dev.concierge.assistant.local;

/**
 * One piece of a guest message: a word, a number, or something read whole (a date, a time, an e-mail, a phone).
 *
 * @param text the piece folded (lower case, no accents); for a phone its E.164 form, for a reference its upper case
 * @param start offset of the piece in the message
 * @param end offset after the piece
 * @param value what the piece means as a number: a {@link Kind#NUMBER}'s value (-1 when too long to be a count),
 *     minutes after midnight for {@link Kind#TIME} and {@link Kind#CLOCK}, and {@code yyyymmdd} for a
 *     {@link Kind#DATE} ({@code yyyy} is 0 when the message gave no year)
 */
record Token(Kind kind, String text, int start, int end, int value) {

    enum Kind {
        WORD,
        NUMBER,
        /** A day of the month with an English suffix, "14th". */
        ORDINAL,
        /** A time of day that needs no day part: "19:00", "7pm", "19h", "07:30". */
        TIME,
        /** A 12-hour reading without am or pm, "7:30": the day part decides. */
        CLOCK,
        DATE,
        EMAIL,
        REFERENCE,
        PHONE,
        PUNCT
    }

    boolean is(Kind kind) {
        return this.kind == kind;
    }
}
