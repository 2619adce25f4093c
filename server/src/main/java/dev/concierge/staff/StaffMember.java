package dev.concierge.staff;

/** A logged-in staff member, as the access filter found them from their bearer token. */
public record StaffMember(long id, String email, String name, Role role) {}
