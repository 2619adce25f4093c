package dev.concierge.venue;

import java.util.List;

/** A venue file that cannot be used, with every problem named by the path of its field. */
public final class VenueFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public VenueFileException(List<String> problems) {
        super("The venue file has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code path: what is wrong}, e.g. {@code services[2].hours.mon: "25:00" is not a time}. */
    public List<String> problems() {
        return problems;
    }
}
