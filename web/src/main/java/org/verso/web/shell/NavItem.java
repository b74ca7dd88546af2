package org.verso.web.shell;

import java.util.Objects;
import java.util.Set;
import org.verso.accounts.Role;

/**
 * One entry of the navigation, contributed as a bean by the feature that owns the page.
 *
 * @param messageKey the message bundle key of its label
 * @param href where it leads
 * @param order position, lower first
 * @param roles who sees it; empty means every signed-in user
 */
public record NavItem(String messageKey, String href, int order, Set<Role> roles) {
    public NavItem {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(href, "href");
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(Set<Role> held) {
        return roles.isEmpty() || roles.stream().anyMatch(held::contains);
    }
}
