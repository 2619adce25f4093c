package dev.concierge.console.knowledge;

import dev.concierge.api.ApiClient;
import dev.concierge.api.KnowledgeBase;
import dev.concierge.api.Report;
import java.util.List;

/** The knowledge screen's server calls; they block, so they run off the FX thread. */
public interface KnowledgeApi {

    /** {@code GET /api/staff/knowledge} (the front desk too). */
    KnowledgeBase knowledge();

    /** {@code PUT /api/staff/knowledge}: the whole list as it should be (manager+); the server's list after it. */
    KnowledgeBase replace(KnowledgeBase base);

    /** The report's {@code unanswered} of the last 30 days ({@code GET /api/staff/reports}, manager+), newest first. */
    List<Report.UnansweredQuestion> unanswered();

    static KnowledgeApi over(ApiClient client) {
        return new KnowledgeApi() {
            @Override
            public KnowledgeBase knowledge() {
                return client.get("/api/staff/knowledge", KnowledgeBase.class);
            }

            @Override
            public KnowledgeBase replace(KnowledgeBase base) {
                return client.put("/api/staff/knowledge", base, KnowledgeBase.class);
            }

            @Override
            public List<Report.UnansweredQuestion> unanswered() {
                // without from and to the server reports the last 30 days up to its today
                return client.get("/api/staff/reports", Report.class).unanswered();
            }
        };
    }
}
