package dev.concierge.crm;

import static dev.concierge.jooq.Sequences.CONTACT_SHEET_ROW;
import static dev.concierge.jooq.Tables.CONTACT;

import dev.concierge.api.Contact;
import dev.concierge.api.ContactDetails;
import dev.concierge.api.ContactUpdate;
import dev.concierge.api.InvalidFieldsException;
import dev.concierge.common.Channel;
import dev.concierge.common.DomainException;
import dev.concierge.jooq.tables.records.ContactRecord;
import dev.concierge.outbox.OutboxRepository;
import dev.concierge.venue.VenueService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Finds or creates the contact behind a booking, an order or a conversation, inside the caller's transaction, and
 * answers the desk's searches.
 */
public final class ContactService {
    /** The most a search answers at once; the desk narrows with {@code q}. */
    static final int LIST_LIMIT = 500;

    private static final int RACE_ATTEMPTS = 5;
    /**
     * Written in the transaction of every creation, change and erasure of a contact, with the contact's id only:
     * whoever delivers it reads the contact as it is then, so an erased guest's details are never sent.
     */
    public static final String CONTACT_CHANGED = "contact.changed";

    private final DSLContext dsl;
    private final VenueService venues;
    private final OutboxRepository outbox;
    private final Clock clock;

    public ContactService(DSLContext dsl, VenueService venues, OutboxRepository outbox, Clock clock) {
        this.dsl = dsl;
        this.venues = venues;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Another transaction created the same person a moment ago (a unique e-mail or phone collided). The caller's
     * transaction has rolled back; running it again finds that contact.
     */
    public static final class ConcurrentCreation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConcurrentCreation(Throwable cause) {
            super("the same contact was created concurrently", cause);
        }
    }

    /** Runs {@code transaction} again when it lost a race to create the same contact. */
    public static <T> T retryingConcurrentCreation(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrentCreation e) {
                if (attempt >= RACE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public ContactKeys keys() {
        return ContactKeys.forVenuePhone(venues.venue().venue().phone());
    }

    /** Refuses, with 400 naming {@code field}, details whose phone is not a phone number; before any lock is taken. */
    public void check(@Nullable ContactDetails details, String field) {
        if (details != null) {
            keys().phone(details.phone(), field + ".phone");
        }
    }

    /**
     * The id of the contact these details belong to, inside {@code tx}: the one with the same e-mail, else the one
     * with the same phone, else a new one. What the contact lacked (a phone, an e-mail, a name, a language) is
     * filled in; what it has is kept, and another person's e-mail or phone is never taken over.
     */
    public long link(
            DSLContext tx, ContactDetails details, String source, @Nullable String language, OffsetDateTime now) {
        String email = ContactKeys.email(details.email());
        String phone = keys().phone(details.phone(), "contact.phone");
        ContactRecord byEmail = email == null
                ? null
                : tx.selectFrom(CONTACT)
                        .where(CONTACT.EMAIL.eq(email))
                        .forUpdate()
                        .fetchOne();
        ContactRecord byPhone = phone == null
                ? null
                : tx.selectFrom(CONTACT)
                        .where(CONTACT.PHONE.eq(phone))
                        .forUpdate()
                        .fetchOne();
        ContactRecord found = byEmail != null ? byEmail : byPhone;
        try {
            if (found == null) {
                long created = tx.insertInto(CONTACT)
                        .set(CONTACT.NAME, blankToNull(details.name()))
                        .set(CONTACT.EMAIL, email)
                        .set(CONTACT.PHONE, phone)
                        .set(CONTACT.LANGUAGE, language)
                        .set(CONTACT.SOURCE, source)
                        .set(CONTACT.CREATED_AT, now)
                        .set(CONTACT.UPDATED_AT, now)
                        .returning(CONTACT.ID)
                        .fetchSingle()
                        .getId();
                changed(tx, created, now);
                return created;
            }
            if (found.getName() == null && !details.name().isBlank()) {
                found.setName(details.name());
            }
            if (found.getEmail() == null && email != null && byEmail == null) {
                found.setEmail(email);
            }
            if (found.getPhone() == null && phone != null && byPhone == null) {
                found.setPhone(phone);
            }
            if (found.getLanguage() == null && language != null) {
                found.setLanguage(language);
            }
            if (found.changed()) {
                found.setUpdatedAt(now);
                found.store();
                changed(tx, found.getId(), now);
            }
            return found.getId();
        } catch (IntegrityConstraintViolationException e) {
            throw new ConcurrentCreation(e);
        }
    }

    /**
     * A guest leaves their details for the team to get back to them (a lead): the contact with the same e-mail or
     * phone, or a new one, gets what they want and a note (added to earlier notes), and their consent to be contacted
     * is recorded with its time and channel.
     */
    public Contact captureLead(
            ContactDetails details, String intent, @Nullable String note, String language, Channel channel) {
        check(details, "contact");
        return retryingConcurrentCreation(() -> dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            ContactRecord contact = record(db, link(db, details, channel.wireName(), language, now), true);
            contact.setIntent(intent);
            if (note != null && !note.isBlank()) {
                String earlier = contact.getNotes();
                contact.setNotes(earlier == null ? note.strip() : earlier + "\n" + note.strip());
            }
            if (!Boolean.TRUE.equals(contact.getConsent())) {
                contact.setConsent(true).setConsentAt(now).setConsentSource(channel.wireName());
            }
            contact.setUpdatedAt(now).store();
            changed(db, contact.getId(), now);
            Contact lead = view(contact);
            // a lead is news for the team's workflows (n8n); each capture is its own event, numbered per contact
            // (not by the clock, which a demo freezes: two leads in one frozen minute collided on their key)
            String aggregate = "contact-" + contact.getId();
            outbox.write(
                    db,
                    "lead.captured",
                    aggregate,
                    outbox.nextVersion(db, "lead.captured", aggregate),
                    Map.of("contact", lead, "channel", channel.wireName()),
                    now);
            return lead;
        }));
    }

    /**
     * Contacts matching {@code q} in name, e-mail or phone (any way the phone is written), newest first; erased and
     * merged contacts are left out.
     */
    public List<Contact> search(@Nullable String q) {
        Condition where = DSL.trueCondition();
        if (q != null && !q.isBlank()) {
            String text = q.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
            Condition matches = DSL.lower(CONTACT.NAME).like("%" + text + "%").or(CONTACT.EMAIL.like("%" + text + "%"));
            String digits = text.replaceAll("\\D", "");
            if (digits.length() >= 3) {
                matches = matches.or(CONTACT.PHONE.like("%" + digits + "%"));
            }
            String e164 = keys().phoneOrNull(text);
            if (e164 != null) {
                matches = matches.or(CONTACT.PHONE.eq(e164));
            }
            where = matches;
        }
        return dsl.selectFrom(CONTACT)
                .where(where.and(CONTACT.ERASED_AT.isNull())) // nobody to find in an erased or merged contact
                .orderBy(CONTACT.CREATED_AT.desc(), CONTACT.ID.desc())
                .limit(LIST_LIMIT)
                .fetch(ContactService::view);
    }

    public Contact find(long id) {
        return view(record(dsl, id, false));
    }

    private static ContactRecord record(DSLContext db, long id, boolean lock) {
        var query = db.selectFrom(CONTACT).where(CONTACT.ID.eq(id));
        ContactRecord record = lock ? query.forUpdate().fetchOne() : query.fetchOne();
        if (record == null) {
            throw DomainException.notFound("contact_not_found", "There is no contact " + id + ".");
        }
        return record;
    }

    /**
     * The desk corrects or completes a contact. 409 when the new e-mail or phone is another contact's: that is the
     * same person twice, for a merge, not an edit. Consent given or withdrawn is recorded with its time and channel.
     */
    public Contact update(long id, ContactUpdate update, Channel channel) {
        String email = update.email() == null ? null : ContactKeys.email(update.email());
        String phone = update.phone() == null ? null : keys().phone(update.phone(), "phone");
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            ContactRecord contact = record(db, id, true);
            if (contact.getErasedAt() != null) {
                throw DomainException.conflict(
                        "contact_erased", "This contact was erased; nothing can be added to it.");
            }
            if (update.name() != null) {
                contact.setName(update.name().trim());
            }
            if (update.email() != null) {
                refuseIfAnothersKey(db, CONTACT.EMAIL, email, id, "e-mail address");
                contact.setEmail(email);
            }
            if (update.phone() != null) {
                refuseIfAnothersKey(db, CONTACT.PHONE, phone, id, "phone number");
                contact.setPhone(phone);
            }
            if (update.language() != null) {
                contact.setLanguage(update.language());
            }
            if (update.intent() != null) {
                contact.setIntent(blankToNull(update.intent().trim()));
            }
            if (update.notes() != null) {
                contact.setNotes(blankToNull(update.notes().trim()));
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            Boolean consent = update.consent();
            if (consent != null && !consent.equals(contact.getConsent())) {
                contact.setConsent(consent).setConsentAt(now).setConsentSource(channel.wireName());
            }
            if (contact.changed()) {
                contact.setUpdatedAt(now);
                contact.store();
                changed(db, id, now);
            }
            return view(contact);
        });
    }

    private static void refuseIfAnothersKey(
            DSLContext db, TableField<ContactRecord, String> field, @Nullable String value, long id, String what) {
        if (value != null && db.fetchExists(CONTACT, field.eq(value).and(CONTACT.ID.ne(id)))) {
            throw DomainException.conflict(
                    "duplicate_contact", "Another contact has that " + what + ": it is the same guest twice.");
        }
    }

    /**
     * Erases what names the person (GDPR), inside the caller's transaction: the row stays, so counts of bookings
     * and orders still add up, but its name, e-mail, phone, intent and notes are gone and consent is withdrawn.
     * Answers false, changing nothing, when the contact was erased before.
     */
    public boolean erase(DSLContext tx, long id, OffsetDateTime now) {
        ContactRecord contact = record(tx, id, true);
        if (contact.getErasedAt() != null) {
            return false;
        }
        contact.setName(null)
                .setEmail(null)
                .setPhone(null)
                .setIntent(null)
                .setNotes(null)
                .setConsent(false)
                .setConsentAt(null)
                .setConsentSource(null)
                .setErasedAt(now)
                .setUpdatedAt(now)
                .store();
        changed(tx, id, now);
        return true;
    }

    /**
     * Contact {@code duplicateId} is the same guest as {@code keptId}: what the kept one lacks (name, e-mail, phone,
     * language, intent) it takes from the duplicate, the notes are put together, and the later consent decision of the
     * two stands. The duplicate is left blank, marked as merged into the kept one. Inside the caller's transaction,
     * which moves the duplicate's bookings, orders and conversations; answers the kept contact.
     */
    public Contact absorb(DSLContext tx, long keptId, long duplicateId, OffsetDateTime now) {
        if (keptId == duplicateId) {
            throw InvalidFieldsException.of("duplicateId", "is this contact itself: pick the other one");
        }
        // both rows locked in id order, so two merges of the same pair the other way round cannot deadlock
        ContactRecord first = record(tx, Math.min(keptId, duplicateId), true);
        ContactRecord second = record(tx, Math.max(keptId, duplicateId), true);
        ContactRecord kept = first.getId() == keptId ? first : second;
        ContactRecord duplicate = kept == first ? second : first;
        for (ContactRecord contact : List.of(kept, duplicate)) {
            if (contact.getErasedAt() != null) {
                throw DomainException.conflict(
                        "contact_erased",
                        "Contact " + contact.getId()
                                + (contact.getMergedIntoId() != null
                                        ? " was merged into contact " + contact.getMergedIntoId() + " before."
                                        : " was erased; nothing can be merged with it."));
            }
        }
        ContactRecord taken = duplicate.copy();
        // the duplicate lets go of its e-mail and phone first: each belongs to one contact at a time
        duplicate
                .setName(null)
                .setEmail(null)
                .setPhone(null)
                .setIntent(null)
                .setNotes(null)
                .setConsent(false)
                .setConsentAt(null)
                .setConsentSource(null)
                .setErasedAt(now)
                .setMergedIntoId(keptId)
                .setUpdatedAt(now)
                .store();
        if (kept.getName() == null || kept.getName().isBlank()) {
            kept.setName(taken.getName());
        }
        if (kept.getEmail() == null) {
            kept.setEmail(taken.getEmail());
        }
        if (kept.getPhone() == null) {
            kept.setPhone(taken.getPhone());
        }
        if (kept.getLanguage() == null) {
            kept.setLanguage(taken.getLanguage());
        }
        if (kept.getIntent() == null) {
            kept.setIntent(taken.getIntent());
        }
        if (taken.getNotes() != null) {
            kept.setNotes(kept.getNotes() == null ? taken.getNotes() : kept.getNotes() + "\n" + taken.getNotes());
        }
        if (taken.getConsentAt() != null
                && (kept.getConsentAt() == null || taken.getConsentAt().isAfter(kept.getConsentAt()))) {
            kept.setConsent(taken.getConsent())
                    .setConsentAt(taken.getConsentAt())
                    .setConsentSource(taken.getConsentSource());
        }
        kept.setUpdatedAt(now).store();
        changed(tx, duplicateId, now);
        changed(tx, keptId, now);
        return view(kept);
    }

    /** Counts a change of contact {@code id} and records {@link #CONTACT_CHANGED}, inside the change's transaction. */
    private void changed(DSLContext tx, long id, OffsetDateTime now) {
        if (!outbox.anyWants(CONTACT_CHANGED)) {
            return; // it carries only the id: with no connector to look, there is nothing to tell
        }
        long revision = tx.update(CONTACT)
                .set(CONTACT.REVISION, CONTACT.REVISION.plus(1))
                .where(CONTACT.ID.eq(id))
                .returning(CONTACT.REVISION)
                .fetchSingle()
                .getRevision();
        outbox.write(tx, CONTACT_CHANGED, "contact-" + id, revision, Map.of("contactId", id), now);
    }

    /**
     * A contact as its spreadsheet row shows it. {@code erased}: the guest was erased, the row is to be blank.
     *
     * @param row the contact's fixed row, from 2 (row 1 is the header)
     */
    public record SheetRow(int row, Contact contact, boolean erased) {}

    /**
     * Contact {@code id} with its fixed spreadsheet row, which it gets the first time it is asked for and keeps:
     * committed before anything is written to the sheet, so a retry after a crash writes the same row.
     */
    public SheetRow sheetRow(long id) {
        return dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            ContactRecord contact = record(db, id, true);
            if (contact.getSheetRow() == null) {
                contact.setSheetRow(db.select(CONTACT_SHEET_ROW.nextval())
                                .fetchSingle()
                                .value1()
                                .intValue())
                        .store();
            }
            return new SheetRow(contact.getSheetRow(), view(contact), contact.getErasedAt() != null);
        });
    }

    static Contact view(ContactRecord r) {
        return new Contact(
                r.getId(),
                r.getName(),
                r.getEmail(),
                r.getPhone(),
                r.getLanguage(),
                r.getIntent(),
                r.getNotes(),
                r.getConsent(),
                r.getConsentAt() == null ? null : r.getConsentAt().toInstant(),
                r.getConsentSource(),
                r.getSource(),
                r.getCreatedAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant(),
                r.getUpdatedAt().withOffsetSameInstant(ZoneOffset.UTC).toInstant());
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
