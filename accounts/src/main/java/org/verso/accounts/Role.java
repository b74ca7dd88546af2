package org.verso.accounts;

/** What an account may do in Verso. An account holds one or more roles. */
public enum Role {
    /** claims documents and translates them segment by segment */
    TRANSLATOR,
    /** ingests and searches the library, assigns and reviews work, approves translations */
    COORDINATOR,
    /** plans print runs, holds stock, ships copies, confirms deliveries, reports to funders */
    LOGISTICS,
    /** manages accounts and the application itself */
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
