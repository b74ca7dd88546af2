package org.verso.web.distribution;

/** Who reaches distribution: logistics staff and admins write, coordinators read. */
final class DistributionRoles {
    static final String READ = "hasAnyRole('COORDINATOR','LOGISTICS','ADMIN')";
    static final String WRITE = "hasAnyRole('LOGISTICS','ADMIN')";

    private DistributionRoles() {}
}
