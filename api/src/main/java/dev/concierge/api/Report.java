package dev.concierge.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/staff/reports?from=&to=}: what guests' conversations came to between two venue-local days,
 * inclusive — by channel and language, the tasks completed and left (and where), handoffs and why, how fast staff
 * answered and resolved, the guests' thumbs up and down, the questions asked most and those nobody could answer.
 */
public record Report(
        LocalDate from,
        LocalDate to,
        Conversations conversations,
        List<TaskOutcomes> tasks,
        Handoffs handoffs,
        StaffTimes staff,
        Satisfaction satisfaction,
        List<AskedQuestion> topQuestions,
        List<UnansweredQuestion> unanswered,
        List<Day> days) {
    public Report {
        days = List.copyOf(days);
        tasks = List.copyOf(tasks);
        topQuestions = List.copyOf(topQuestions);
        unanswered = List.copyOf(unanswered);
    }

    public record Conversations(int total, Map<String, Integer> byChannel, Map<String, Integer> byLanguage) {
        public Conversations {
            byChannel = Map.copyOf(byChannel);
            byLanguage = Map.copyOf(byLanguage);
        }
    }

    /** One task: how often it was completed, how often left, and the slot it was asking for when left. */
    public record TaskOutcomes(String task, int completed, int abandoned, Map<String, Integer> abandonedAt) {
        public TaskOutcomes {
            abandonedAt = Map.copyOf(abandonedAt);
        }
    }

    /** {@code rate}: handoffs per conversation, 0 to 1. */
    public record Handoffs(int count, double rate, Map<String, Integer> byReason) {
        public Handoffs {
            byReason = Map.copyOf(byReason);
        }
    }

    /** Seconds from handoff to the first staff reply, and to the release back to the assistant (medians). */
    public record StaffTimes(
            int answered,
            @Nullable Long medianFirstResponseSeconds,
            int resolved,
            @Nullable Long medianResolutionSeconds) {}

    /** {@code score}: the share of thumbs up among the ratings, or null with none. */
    public record Satisfaction(int up, int down, @Nullable Double score) {}

    /**
     * One venue-local day of the period: conversations begun by channel and handed to staff; rooms occupied that night
     * of all the venue's rooms; guests seated at tables (services counted in covers) and appointments (services
     * counted in units) that day, from bookings not cancelled or no-shows.
     */
    public record Day(
            LocalDate date,
            Map<String, Integer> conversationsByChannel,
            int handoffs,
            int roomsOccupied,
            int roomsTotal,
            int covers,
            int appointments) {
        public Day {
            conversationsByChannel = Map.copyOf(conversationsByChannel);
        }
    }

    public record AskedQuestion(String entryId, String question, int count) {}

    public record UnansweredQuestion(String text, String language, java.time.Instant at) {}
}
